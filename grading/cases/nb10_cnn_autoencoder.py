"""Mutants and alternatives for 10_cnn_autoencoder.

Every mutant must lose all points of its exercise; every alternative must keep them.
Solution cells run after the notebook's own cells, so `np`, `tf` and `keras` exist.
No exercise calls another's function (the notebook's worked examples do, the exercises do not): no DEPENDS.
"""
from . import Variant

MUTANTS = {
    "ex1_conv2d_valid": [
        Variant("flipped_kernel", "커널을 뒤집는 수학의 합성곱(true convolution, scipy.signal.convolve2d)을 씀", '''
def conv2d_valid(image, kernel, stride=1):
    from scipy.signal import convolve2d
    return convolve2d(np.asarray(image, dtype=float), np.asarray(kernel, dtype=float), mode="valid")[::stride, ::stride]
'''),
        Variant("stride_ignored", "stride 인자를 무시하고 한 칸씩만 옮김", '''
def conv2d_valid(image, kernel, stride=1):
    image, kernel = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    kh, kw = kernel.shape
    out = np.empty((image.shape[0] - kh + 1, image.shape[1] - kw + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i:i + kh, j:j + kw] * kernel)
    return out
'''),
        Variant("square_kernel_assumed", "커널이 정사각형이라고 가정해 kernel.shape[0]만 씀", '''
def conv2d_valid(image, kernel, stride=1):
    image, kernel = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    k = kernel.shape[0]
    out_h, out_w = (image.shape[0] - k) // stride + 1, (image.shape[1] - k) // stride + 1
    out = np.empty((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = np.sum(image[i * stride:i * stride + k, j * stride:j * stride + k] * kernel[:k, :k])
    return out
'''),
        Variant("off_by_one_size", "출력 크기를 (H - k) // stride로 계산 (+1을 빠뜨려 마지막 창을 놓침)", '''
def conv2d_valid(image, kernel, stride=1):
    image, kernel = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    kh, kw = kernel.shape
    out_h, out_w = max((image.shape[0] - kh) // stride, 1), max((image.shape[1] - kw) // stride, 1)
    out = np.empty((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = np.sum(image[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel)
    return out
'''),
    ],
    "ex2_conv_output_size": [
        Variant("same_with_valid_formula", "'same'도 valid 식 (n - k) // s + 1로 계산", '''
def conv_output_size(n, k, stride=1, padding="valid"):
    if padding not in ("valid", "same"):
        raise ValueError("padding은 'valid' 또는 'same'이어야 합니다")
    return (n - k) // stride + 1
'''),
        Variant("same_floor", "'same'을 내림 n // s로 계산 (올림이어야 함)", '''
def conv_output_size(n, k, stride=1, padding="valid"):
    if padding == "valid":
        return (n - k) // stride + 1
    if padding == "same":
        return n // stride
    raise ValueError("padding은 'valid' 또는 'same'이어야 합니다")
'''),
        Variant("float_result", "np.floor/np.ceil의 결과(float)를 그대로 반환", '''
def conv_output_size(n, k, stride=1, padding="valid"):
    if padding == "valid":
        return np.floor((n - k) / stride) + 1
    if padding == "same":
        return np.ceil(n / stride)
    raise ValueError("padding은 'valid' 또는 'same'이어야 합니다")
'''),
        Variant("no_error", "알 수 없는 padding이면 'valid'로 처리 (ValueError 없음)", '''
def conv_output_size(n, k, stride=1, padding="valid"):
    if padding == "same":
        return -(-n // stride)
    return (n - k) // stride + 1
'''),
    ],
    "ex3_max_pool2d": [
        Variant("stride_one", "창을 한 칸씩 옮김 (stride 1로 풀링)", '''
def max_pool2d(x, pool=2, stride=2):
    x = np.asarray(x, dtype=float)
    out = np.empty((x.shape[0] - pool + 1, x.shape[1] - pool + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = x[i:i + pool, j:j + pool].max()
    return out
'''),
        Variant("stride_is_pool", "stride 인자를 무시하고 pool 크기만큼 옮김 (겹치는 창에서 틀림)", '''
def max_pool2d(x, pool=2, stride=2):
    x = np.asarray(x, dtype=float)
    out_h, out_w = (x.shape[0] - pool) // pool + 1, (x.shape[1] - pool) // pool + 1
    return np.array([[x[i * pool:(i + 1) * pool, j * pool:(j + 1) * pool].max() for j in range(out_w)]
                     for i in range(out_h)])
'''),
        Variant("max_from_zero", "최댓값을 0에서 시작해 키움 (음수만 있는 창에서 0)", '''
def max_pool2d(x, pool=2, stride=2):
    x = np.asarray(x, dtype=float)
    out_h, out_w = (x.shape[0] - pool) // stride + 1, (x.shape[1] - pool) // stride + 1
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            for u in range(pool):
                for v in range(pool):
                    out[i, j] = max(out[i, j], x[i * stride + u, j * stride + v])
    return out
'''),
        Variant("ceil_mode", "가장자리에 남는 행/열도 창 하나로 셈 (same 패딩처럼 올림)", '''
def max_pool2d(x, pool=2, stride=2):
    x = np.asarray(x, dtype=float)
    out_h, out_w = -(-(x.shape[0] - pool) // stride) + 1, -(-(x.shape[1] - pool) // stride) + 1
    return np.array([[x[i * stride:i * stride + pool, j * stride:j * stride + pool].max() for j in range(out_w)]
                     for i in range(out_h)])
'''),
    ],
    "ex4_build_digits_cnn": [
        Variant("logits_with_probability_loss", "출력층에 softmax가 없는데(로짓) 확률을 받는 손실(from_logits=False)을 씀", '''
def build_digits_cnn():
    model = keras.Sequential([
        keras.Input((8, 8, 1)),
        keras.layers.Conv2D(16, (3, 3), activation="relu", padding="same"),
        keras.layers.MaxPooling2D((2, 2)),
        keras.layers.Conv2D(32, (3, 3), activation="relu", padding="same"),
        keras.layers.Flatten(),
        keras.layers.Dense(10),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
'''),
        Variant("from_logits_after_softmax", "시드 노트처럼 softmax 출력 뒤에 SparseCategoricalCrossentropy(from_logits=True)", '''
def build_digits_cnn():
    model = keras.Sequential([
        keras.Input((8, 8, 1)),
        keras.layers.Conv2D(16, (3, 3), activation="relu", padding="same"),
        keras.layers.MaxPooling2D((2, 2)),
        keras.layers.Conv2D(32, (3, 3), activation="relu", padding="same"),
        keras.layers.Flatten(),
        keras.layers.Dense(10, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    return model
'''),
        Variant("dense_only", "합성곱 층 없이 Flatten + Dense만 씀 (정확도는 높지만 CNN이 아님)", '''
def build_digits_cnn():
    model = keras.Sequential([
        keras.Input((8, 8, 1)),
        keras.layers.Flatten(),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
'''),
        Variant("too_small_to_learn", "필터 1개짜리 합성곱 + 풀링 두 번: 정보가 너무 줄어 0.95에 못 미침", '''
def build_digits_cnn():
    model = keras.Sequential([
        keras.Input((8, 8, 1)),
        keras.layers.Conv2D(1, (3, 3), activation="relu", padding="same"),
        keras.layers.MaxPooling2D((2, 2)),
        keras.layers.MaxPooling2D((2, 2)),
        keras.layers.Flatten(),
        keras.layers.Dense(10, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
'''),
    ],
    "ex5_feature_extractor": [
        Variant("unfrozen_base", "base를 동결하지 않음 (머리와 함께 전체를 학습)", '''
def feature_extractor(base, n_classes):
    outputs = keras.layers.Dense(n_classes, activation="softmax")(base.output)
    model = keras.Model(base.input, outputs)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
'''),
        Variant("missing_activation", "머리 Dense에 softmax 활성화를 빠뜨림 (로짓에 확률용 손실)", '''
def feature_extractor(base, n_classes):
    base.trainable = False
    outputs = keras.layers.Dense(n_classes)(base.output)
    model = keras.Model(base.input, outputs)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
'''),
        Variant("hardcoded_classes", "노트북의 예(5–9)대로 클래스 수를 5로 고정", '''
def feature_extractor(base, n_classes):
    base.trainable = False
    outputs = keras.layers.Dense(5, activation="softmax")(base.output)
    model = keras.Model(base.input, outputs)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
'''),
        Variant("sgd_optimizer", "Adam 대신 SGD로 컴파일", '''
def feature_extractor(base, n_classes):
    base.trainable = False
    outputs = keras.layers.Dense(n_classes, activation="softmax")(base.output)
    model = keras.Model(base.input, outputs)
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
'''),
    ],
    "ex6_reparameterize": [
        Variant("variance_not_std", "exp(0.5 · z_log_var) 대신 exp(z_log_var) (표준편차 대신 분산)", '''
def reparameterize(z_mean, z_log_var, eps):
    return z_mean + tf.exp(z_log_var) * eps
'''),
        Variant("fresh_noise", "주어진 eps 대신 함수 안에서 잡음을 새로 뽑음", '''
def reparameterize(z_mean, z_log_var, eps):
    return z_mean + tf.exp(0.5 * z_log_var) * tf.random.normal(tf.shape(z_mean))
'''),
        Variant("numpy_result", "np.exp로 계산해 NumPy 배열을 반환", '''
def reparameterize(z_mean, z_log_var, eps):
    return np.asarray(z_mean) + np.exp(0.5 * np.asarray(z_log_var)) * np.asarray(eps)
'''),
        Variant("log_var_as_std", "z_log_var를 표준편차로 착각 (exp 없이 곱함)", '''
def reparameterize(z_mean, z_log_var, eps):
    return z_mean + z_log_var * eps
'''),
    ],
    "ex7_vae_loss": [
        Variant("kl_wrong_sign", "KL 앞의 -0.5를 +0.5로 씀 (KL이 음수)", '''
def vae_loss(x, x_recon, z_mean, z_log_var):
    x_recon = tf.clip_by_value(x_recon, 1e-7, 1.0 - 1e-7)
    bce = -(x * tf.math.log(x_recon) + (1.0 - x) * tf.math.log(1.0 - x_recon))
    reconstruction = tf.reduce_sum(bce, axis=list(range(1, len(bce.shape))))
    kl = 0.5 * tf.reduce_sum(1.0 + z_log_var - tf.square(z_mean) - tf.exp(z_log_var), axis=-1)
    return tf.reduce_mean(reconstruction + kl)
'''),
        Variant("kl_summed_over_batch", "KL을 배치에 대해 평균이 아니라 합함", '''
def vae_loss(x, x_recon, z_mean, z_log_var):
    x_recon = tf.clip_by_value(x_recon, 1e-7, 1.0 - 1e-7)
    bce = -(x * tf.math.log(x_recon) + (1.0 - x) * tf.math.log(1.0 - x_recon))
    reconstruction = tf.reduce_sum(bce, axis=list(range(1, len(bce.shape))))
    kl = -0.5 * tf.reduce_sum(1.0 + z_log_var - tf.square(z_mean) - tf.exp(z_log_var))
    return tf.reduce_mean(reconstruction) + kl
'''),
        Variant("keras_bce_mean", "keras.losses.binary_crossentropy를 그대로 씀 (마지막 축의 평균: 픽셀 합이 아님)", '''
def vae_loss(x, x_recon, z_mean, z_log_var):
    bce = keras.losses.binary_crossentropy(x, x_recon)
    reconstruction = tf.reduce_sum(tf.reshape(bce, (tf.shape(bce)[0], -1)), axis=1)
    kl = -0.5 * tf.reduce_sum(1.0 + z_log_var - tf.square(z_mean) - tf.exp(z_log_var), axis=-1)
    return tf.reduce_mean(reconstruction + kl)
'''),
        Variant("no_clip", "x_recon을 자르지 않음 (0이나 1에서 log 0 → inf/NaN)", '''
def vae_loss(x, x_recon, z_mean, z_log_var):
    bce = -(x * tf.math.log(x_recon) + (1.0 - x) * tf.math.log(1.0 - x_recon))
    reconstruction = tf.reduce_sum(bce, axis=list(range(1, len(bce.shape))))
    kl = -0.5 * tf.reduce_sum(1.0 + z_log_var - tf.square(z_mean) - tf.exp(z_log_var), axis=-1)
    return tf.reduce_mean(reconstruction + kl)
'''),
    ],
    "q1_answer": [
        Variant("vae_not_generative", "VAE를 생성 모델이 아니라 압축 모델로만 봄", "q1_answer = 1"),
        Variant("string_answer", "번호를 문자열로 입력", 'q1_answer = "3"'),
    ],
    "q2_answer": [
        Variant("seed_typo", "시드 노트의 28 * 28 = 128을 그대로 믿음", "q2_answer = 1"),
        Variant("valid_as_same", "valid 패딩에서도 크기가 그대로라고 오해", "q2_answer = 3"),
    ],
    "q3_answer": [
        Variant("frozen_is_faster_inference", "동결하면 추론도 빨라진다고 오해", "q3_answer = 1"),
        Variant("finetune_small_data", "데이터가 적을수록 미세 조정이 낫다고 오해", "q3_answer = 2"),
    ],
    "q4_answer": [
        Variant("from_logits_is_automatic", "from_logits=True가 softmax 출력을 알아서 처리한다고 오해", "q4_answer = 2"),
        Variant("raises_error", "학습이 오류로 멈춘다고 오해", "q4_answer = 3"),
    ],
}

ALTERNATIVES = {
    "ex1_conv2d_valid": [
        Variant("scipy_correlate", "scipy.signal.correlate2d(교차 상관)의 valid 결과를 stride로 건너뜀", '''
def conv2d_valid(image, kernel, stride=1):
    from scipy.signal import correlate2d
    full = correlate2d(np.asarray(image, dtype=float), np.asarray(kernel, dtype=float), mode="valid")
    return full[::stride, ::stride]
'''),
        Variant("sliding_window_einsum", "sliding_window_view로 모든 창을 만들고 einsum으로 곱의 합", '''
def conv2d_valid(image, kernel, stride=1):
    from numpy.lib.stride_tricks import sliding_window_view
    kernel = np.asarray(kernel, dtype=float)
    windows = sliding_window_view(np.asarray(image, dtype=float), kernel.shape)[::stride, ::stride]
    return np.einsum("ijkl,kl->ij", windows, kernel)
'''),
    ],
    "ex2_conv_output_size": [
        Variant("math_module", "math.floor/math.ceil (int를 돌려줌)", '''
import math

def conv_output_size(n, k, stride=1, padding="valid"):
    if padding == "same":
        return math.ceil(n / stride)
    elif padding == "valid":
        return math.floor((n - k) / stride) + 1
    else:
        raise ValueError(f"지원하지 않는 padding입니다: {padding}")
'''),
        Variant("count_windows", "창이 놓이는 자리를 직접 세고, same은 올림 나눗셈을 int로", '''
def conv_output_size(n, k, stride=1, padding="valid"):
    if padding == "valid":
        return len(range(0, n - k + 1, stride))
    if padding == "same":
        return int((n + stride - 1) // stride)
    raise ValueError("padding은 'valid' 또는 'same'만 됩니다")
'''),
    ],
    "ex3_max_pool2d": [
        Variant("sliding_window_max", "sliding_window_view로 창을 만들고 stride로 건너뛴 뒤 max", '''
def max_pool2d(x, pool=2, stride=2):
    from numpy.lib.stride_tricks import sliding_window_view
    return sliding_window_view(np.asarray(x), (pool, pool))[::stride, ::stride].max(axis=(2, 3))
'''),
        Variant("tf_max_pool", "tf.nn.max_pool2d로 계산해 NumPy로 바꿈", '''
def max_pool2d(x, pool=2, stride=2):
    x4 = tf.constant(np.asarray(x, dtype="float32")[np.newaxis, :, :, np.newaxis])
    return tf.nn.max_pool2d(x4, ksize=pool, strides=stride, padding="VALID").numpy()[0, :, :, 0]
'''),
    ],
    "ex4_build_digits_cnn": [
        Variant("functional_api", "함수형 API, 손실 객체, 합성곱 층 하나 + Dense 은닉층", '''
def build_digits_cnn():
    inputs = keras.Input(shape=(8, 8, 1))
    x = keras.layers.Conv2D(32, 3, padding="same", activation="relu")(inputs)
    x = keras.layers.MaxPooling2D()(x)
    x = keras.layers.Flatten()(x)
    x = keras.layers.Dense(64, activation="relu")(x)
    outputs = keras.layers.Dense(10, activation="softmax")(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.002),
                  loss=keras.losses.SparseCategoricalCrossentropy(), metrics=["accuracy"])
    return model
'''),
        Variant("seed_style_with_dropout", "시드 노트 모양(Conv-Pool-Conv)에 Dropout, valid 패딩", '''
def build_digits_cnn():
    model = keras.Sequential()
    model.add(keras.Input((8, 8, 1)))
    model.add(keras.layers.Conv2D(32, (3, 3), activation="relu"))
    model.add(keras.layers.Conv2D(64, (3, 3), activation="relu"))
    model.add(keras.layers.MaxPooling2D((2, 2)))
    model.add(keras.layers.Flatten())
    model.add(keras.layers.Dropout(0.2))
    model.add(keras.layers.Dense(10, activation="softmax"))
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
'''),
    ],
    "ex5_feature_extractor": [
        Variant("sequential_head", "keras.Sequential([base, Dense])로 쌓고 Adam 객체로 컴파일", '''
def feature_extractor(base, n_classes):
    base.trainable = False
    model = keras.Sequential([base, keras.layers.Dense(n_classes, activation="softmax")])
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss=keras.losses.SparseCategoricalCrossentropy(),
                  metrics=["accuracy"])
    return model
'''),
        Variant("freeze_each_layer", "base의 층을 하나씩 trainable=False로 동결", '''
def feature_extractor(base, n_classes):
    for layer in base.layers:
        layer.trainable = False
    head = keras.layers.Dense(n_classes, activation="softmax", name="new_head")
    model = keras.Model(inputs=base.inputs, outputs=head(base.outputs[0]))
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
'''),
    ],
    "ex6_reparameterize": [
        Variant("sqrt_of_variance", "분산 exp(log σ²)의 제곱근을 표준편차로", '''
def reparameterize(z_mean, z_log_var, eps):
    sigma = tf.sqrt(tf.exp(z_log_var))
    return z_mean + sigma * eps
'''),
        Variant("keras_ops", "keras.ops로 계산 (TensorFlow 백엔드에서는 tf.Tensor)", '''
def reparameterize(z_mean, z_log_var, eps):
    return keras.ops.add(z_mean, keras.ops.multiply(keras.ops.exp(z_log_var / 2.0), eps))
'''),
    ],
    "ex7_vae_loss": [
        Variant("keras_bce_times_pixels", "펼친 뒤 keras.losses.binary_crossentropy(평균) × 픽셀 수", '''
def vae_loss(x, x_recon, z_mean, z_log_var):
    batch = tf.shape(x)[0]
    x_flat, recon_flat = tf.reshape(x, (batch, -1)), tf.reshape(x_recon, (batch, -1))
    n_pixels = tf.cast(tf.shape(x_flat)[1], x_flat.dtype)
    reconstruction = keras.losses.binary_crossentropy(x_flat, recon_flat) * n_pixels
    kl = 0.5 * tf.reduce_sum(tf.square(z_mean) + tf.exp(z_log_var) - z_log_var - 1.0, axis=1)
    return tf.reduce_mean(reconstruction + kl)
'''),
        Variant("keras_ops_loop_axes", "keras.ops로, 배치 축을 뺀 축을 하나씩 합함", '''
def vae_loss(x, x_recon, z_mean, z_log_var):
    ops = keras.ops
    p = ops.clip(x_recon, 1e-7, 1 - 1e-7)
    per_pixel = -(x * ops.log(p) + (1 - x) * ops.log(1 - p))
    while len(per_pixel.shape) > 1:
        per_pixel = ops.sum(per_pixel, axis=-1)
    kl = -0.5 * ops.sum(1 + z_log_var - z_mean ** 2 - ops.exp(z_log_var), axis=-1)
    return ops.mean(per_pixel + kl)
'''),
    ],
    "q1_answer": [Variant("numpy_int", "numpy 정수로 입력", "q1_answer = np.int64(3)")],
    "q2_answer": [Variant("expression", "식으로 입력", "q2_answer = 4 // 2")],
    "q3_answer": [Variant("with_comment", "주석과 함께", "q3_answer = 4  # 과적합 위험")],
    "q4_answer": [Variant("int_of_string", "문자열을 int로 바꿔 입력", 'q4_answer = int("1")')],
}
