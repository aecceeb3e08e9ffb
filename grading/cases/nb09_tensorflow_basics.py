"""Mutants and alternatives for 09_tensorflow_basics.

Every mutant must lose all points of its exercise; every alternative must keep them.
Solution cells run after the notebook's own cells, so `np`, `tf` and `keras` exist.
No exercise calls another's function: no DEPENDS.
"""
from . import Variant

DEPENDS: dict[str, list[str]] = {}

MUTANTS = {
    "ex1_gradient_of": [
        Variant("unwatched_constant", "상수를 tape.watch하지 않음 (변수만 자동 감시: 기울기 None)", '''
def gradient_of(f, x):
    if not isinstance(x, tf.Variable):
        x = tf.cast(x, tf.float32)
    with tf.GradientTape() as tape:
        y = f(x)
    return tape.gradient(y, x)
'''),
        Variant("numpy_result", "기울기를 넘파이 배열로 반환", '''
def gradient_of(f, x):
    if not isinstance(x, tf.Variable):
        x = tf.cast(x, tf.float32)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = f(x)
    return tape.gradient(y, x).numpy()
'''),
        Variant("dtype_kept", "float32로 바꾸지 않고 tf.convert_to_tensor만 함 (float64 배열은 float64, 정수는 int32)", '''
def gradient_of(f, x):
    if not isinstance(x, tf.Variable):
        x = tf.convert_to_tensor(x)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = f(x)
    return tape.gradient(y, x)
'''),
        Variant("variable_converted", "tf.Variable도 넘파이를 거쳐 상수 텐서로 바꿔 f에 넘김", '''
def gradient_of(f, x):
    x = tf.constant(np.asarray(x, dtype=np.float32))
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = f(x)
    return tape.gradient(y, x)
'''),
    ],
    "ex2_second_derivative": [
        Variant("single_tape", "테이프 하나로 두 번 미분 (1계 도함수 계산이 기록되지 않음)", '''
def second_derivative(f, x):
    if not isinstance(x, tf.Variable):
        x = tf.cast(x, tf.float32)
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        y = f(x)
    dy_dx = tape.gradient(y, x)
    return tf.cast(tape.gradient(dy_dx, x), tf.float32)
'''),
        Variant("first_derivative", "1계 도함수를 반환", '''
def second_derivative(f, x):
    if not isinstance(x, tf.Variable):
        x = tf.cast(x, tf.float32)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = f(x)
    return tf.cast(tape.gradient(y, x), tf.float32)
'''),
        Variant("outer_unwatched", "안쪽 테이프만 watch (바깥 테이프는 상수를 감시하지 않음)", '''
def second_derivative(f, x):
    if not isinstance(x, tf.Variable):
        x = tf.cast(x, tf.float32)
    with tf.GradientTape() as outer:
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = f(x)
        dy_dx = inner.gradient(y, x)
    return tf.cast(outer.gradient(dy_dx, x), tf.float32)
'''),
        Variant("python_float", "파이썬 float로 반환", '''
def second_derivative(f, x):
    if not isinstance(x, tf.Variable):
        x = tf.cast(x, tf.float32)
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = f(x)
        dy_dx = inner.gradient(y, x)
    return float(outer.gradient(dy_dx, x))
'''),
    ],
    "ex3_linear_step": [
        Variant("loss_after_update", "업데이트한 뒤의 손실을 반환", '''
def linear_step(W, b, X, y, learning_rate):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(y - (tf.matmul(X, W) + b)))
    grad_W, grad_b = tape.gradient(loss, [W, b])
    W.assign_sub(learning_rate * grad_W)
    b.assign_sub(learning_rate * grad_b)
    return float(tf.reduce_mean(tf.square(y - (tf.matmul(X, W) + b))))
'''),
        Variant("sum_over_outputs", "출력 축은 더하고 샘플 축만 평균 (k > 1이면 k배)", '''
def linear_step(W, b, X, y, learning_rate):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.reduce_sum(tf.square(y - (tf.matmul(X, W) + b)), axis=1))
    grad_W, grad_b = tape.gradient(loss, [W, b])
    W.assign_sub(learning_rate * grad_W)
    b.assign_sub(learning_rate * grad_b)
    return float(loss)
'''),
        Variant("bias_not_updated", "W만 업데이트하고 b는 그대로 둠", '''
def linear_step(W, b, X, y, learning_rate):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(y - (tf.matmul(X, W) + b)))
    grad_W = tape.gradient(loss, W)
    W.assign_sub(learning_rate * grad_W)
    return float(loss)
'''),
        Variant("tensor_returned", "손실을 텐서 그대로 반환 (float가 아님)", '''
def linear_step(W, b, X, y, learning_rate):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(y - (tf.matmul(X, W) + b)))
    grad_W, grad_b = tape.gradient(loss, [W, b])
    W.assign_sub(learning_rate * grad_W)
    b.assign_sub(learning_rate * grad_b)
    return loss
'''),
    ],
    "ex4_simple_dense": [
        Variant("weights_in_init", "__init__에서 입력 크기 64(숫자 이미지)를 가정해 가중치를 만듦", '''
class SimpleDense(keras.layers.Layer):
    def __init__(self, units, activation=None, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.activation = keras.activations.get(activation)
        self.W = self.add_weight(shape=(64, units), initializer="random_normal", name="W")
        self.b = self.add_weight(shape=(units,), initializer="zeros", name="b")

    def call(self, inputs):
        return self.activation(tf.matmul(inputs, self.W) + self.b)

    def get_config(self):
        config = super().get_config()
        config.update({"units": self.units, "activation": keras.activations.serialize(self.activation)})
        return config
'''),
        Variant("missing_activation", "call에서 활성화 함수를 적용하지 않음", '''
class SimpleDense(keras.layers.Layer):
    def __init__(self, units, activation=None, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.activation = keras.activations.get(activation)

    def build(self, input_shape):
        self.W = self.add_weight(shape=(input_shape[-1], self.units), initializer="random_normal", name="W")
        self.b = self.add_weight(shape=(self.units,), initializer="zeros", name="b")

    def call(self, inputs):
        return tf.matmul(inputs, self.W) + self.b

    def get_config(self):
        config = super().get_config()
        config.update({"units": self.units, "activation": keras.activations.serialize(self.activation)})
        return config
'''),
        Variant("plain_tf_variables", "시드처럼 tf.Variable로 가중치를 만듦 (층이 추적하지 않아 fit이 학습하지 못함)", '''
class SimpleDense(keras.layers.Layer):
    def __init__(self, units, activation=None, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.activation = keras.activations.get(activation)

    def build(self, input_shape):
        self.W = tf.Variable(tf.random.normal((input_shape[-1], self.units), stddev=0.05))
        self.b = tf.Variable(tf.zeros((self.units,)))

    def call(self, inputs):
        return self.activation(tf.matmul(inputs, self.W) + self.b)

    def get_config(self):
        config = super().get_config()
        config.update({"units": self.units, "activation": keras.activations.serialize(self.activation)})
        return config
'''),
        Variant("config_without_activation", "get_config에 units만 넣음", '''
class SimpleDense(keras.layers.Layer):
    def __init__(self, units, activation=None, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.activation = keras.activations.get(activation)

    def build(self, input_shape):
        self.W = self.add_weight(shape=(input_shape[-1], self.units), initializer="random_normal", name="W")
        self.b = self.add_weight(shape=(self.units,), initializer="zeros", name="b")

    def call(self, inputs):
        return self.activation(tf.matmul(inputs, self.W) + self.b)

    def get_config(self):
        config = super().get_config()
        config.update({"units": self.units})
        return config
'''),
    ],
    "ex5_build_digits_mlp": [
        Variant("logits_with_probability_loss", "마지막 층에 softmax가 없는데(로짓) 확률을 받는 손실을 씀", '''
def build_digits_mlp(input_dim=64, n_classes=10, hidden=128, dropout=0.2):
    model = keras.Sequential([keras.Input(shape=(input_dim,)), keras.layers.Dense(hidden, activation="relu"),
                              keras.layers.Dropout(dropout), keras.layers.Dense(n_classes)])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
'''),
        Variant("from_logits_after_softmax", "시드 000처럼 softmax 출력 뒤에 from_logits=True", '''
def build_digits_mlp(input_dim=64, n_classes=10, hidden=128, dropout=0.2):
    model = keras.Sequential([keras.Input(shape=(input_dim,)), keras.layers.Dense(hidden, activation="relu"),
                              keras.layers.Dropout(dropout), keras.layers.Dense(n_classes, activation="softmax")])
    model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    return model
'''),
        Variant("positional_compile", "시드처럼 위치 인자로 compile ('accuracy'가 loss_weights로 들어감)", '''
def build_digits_mlp(input_dim=64, n_classes=10, hidden=128, dropout=0.2):
    model = keras.Sequential([keras.Input(shape=(input_dim,)), keras.layers.Dense(hidden, activation="relu"),
                              keras.layers.Dropout(dropout), keras.layers.Dense(n_classes, activation="softmax")])
    model.compile("adam", "sparse_categorical_crossentropy", ["accuracy"])
    return model
'''),
        Variant("hidden_and_dropout_fixed", "은닉 유닛 128과 드롭아웃 0.2를 인자 대신 고정", '''
def build_digits_mlp(input_dim=64, n_classes=10, hidden=128, dropout=0.2):
    model = keras.Sequential([keras.Input(shape=(input_dim,)), keras.layers.Dense(128, activation="relu"),
                              keras.layers.Dropout(0.2), keras.layers.Dense(n_classes, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
'''),
    ],
    "ex6_choose_loss": [
        Variant("multilabel_cce", "다중 레이블에 categorical cross-entropy", '''
def choose_loss(task):
    losses = {"regression": keras.losses.MeanSquaredError, "binary": keras.losses.BinaryCrossentropy,
              "multiclass_int": keras.losses.SparseCategoricalCrossentropy,
              "multiclass_onehot": keras.losses.CategoricalCrossentropy,
              "multilabel": keras.losses.CategoricalCrossentropy}
    if task not in losses:
        raise ValueError(f"알 수 없는 문제 유형입니다: {task!r}")
    return losses[task]()
'''),
        Variant("case_insensitive", "이름을 소문자로 바꾸고 공백을 지워 받아들임", '''
def choose_loss(task):
    task = str(task).strip().lower()
    losses = {"regression": keras.losses.MeanSquaredError, "binary": keras.losses.BinaryCrossentropy,
              "multiclass_int": keras.losses.SparseCategoricalCrossentropy,
              "multiclass_onehot": keras.losses.CategoricalCrossentropy,
              "multilabel": keras.losses.BinaryCrossentropy}
    if task not in losses:
        raise ValueError(f"알 수 없는 문제 유형입니다: {task!r}")
    return losses[task]()
'''),
        Variant("key_error", "딕셔너리에서 바로 꺼냄 (모르는 이름이면 KeyError)", '''
def choose_loss(task):
    losses = {"regression": keras.losses.MeanSquaredError, "binary": keras.losses.BinaryCrossentropy,
              "multiclass_int": keras.losses.SparseCategoricalCrossentropy,
              "multiclass_onehot": keras.losses.CategoricalCrossentropy,
              "multilabel": keras.losses.BinaryCrossentropy}
    return losses[task]()
'''),
        Variant("from_logits_true", "교차 엔트로피를 모두 from_logits=True로 만듦", '''
def choose_loss(task):
    if task == "regression":
        return keras.losses.MeanSquaredError()
    losses = {"binary": keras.losses.BinaryCrossentropy, "multiclass_int": keras.losses.SparseCategoricalCrossentropy,
              "multiclass_onehot": keras.losses.CategoricalCrossentropy, "multilabel": keras.losses.BinaryCrossentropy}
    if task not in losses:
        raise ValueError(f"알 수 없는 문제 유형입니다: {task!r}")
    return losses[task](from_logits=True)
'''),
    ],
    "ex7_make_scaled_sum": [
        Variant("no_input_signature", "input_signature 없이 @tf.function (길이마다 재추적)", '''
def make_scaled_sum():
    @tf.function
    def scaled_sum(x, scale):
        return scale * tf.reduce_sum(x)
    return scaled_sum
'''),
        Variant("fixed_length_signature", "보이는 예시의 길이 3으로 shape를 고정", '''
def make_scaled_sum():
    @tf.function(input_signature=[tf.TensorSpec(shape=[3], dtype=tf.float32), tf.TensorSpec(shape=[], dtype=tf.float32)])
    def scaled_sum(x, scale):
        return scale * tf.reduce_sum(x)
    return scaled_sum
'''),
        Variant("reduce_mean", "합 대신 평균", '''
def make_scaled_sum():
    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32), tf.TensorSpec(shape=[], dtype=tf.float32)])
    def scaled_sum(x, scale):
        return scale * tf.reduce_mean(x)
    return scaled_sum
'''),
        Variant("shared_function", "함수를 한 번만 만들어 매번 같은 tf.function을 반환", '''
@tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32), tf.TensorSpec(shape=[], dtype=tf.float32)])
def _scaled_sum(x, scale):
    return scale * tf.reduce_sum(x)

def make_scaled_sum():
    return _scaled_sum
'''),
    ],
    "q1_answer": [
        Variant("keyword_same", "위치 인자와 키워드 인자가 같다고 오해", "q1_answer = 1"),
        Variant("string_answer", "번호를 문자열로 입력", 'q1_answer = "2"'),
    ],
    "q2_answer": [
        Variant("logits_means_int", "from_logits를 레이블 형식으로 오해", "q2_answer = 1"),
        Variant("softmax_needs_logits_true", "softmax 뒤에 from_logits=True가 맞다고 오해", "q2_answer = 4"),
    ],
    "q3_answer": [
        Variant("every_call", "파이썬 print가 호출마다 실행된다고 오해", "q3_answer = 4"),
        Variant("once_only", "shape가 바뀌어도 재추적하지 않는다고 오해", "q3_answer = 2"),
    ],
    "q4_answer": [
        Variant("seed_128", "시드의 28×28 = 128을 그대로 씀", "q4_answer = 1"),
        Variant("no_bias", "편향을 빠뜨림", "q4_answer = 3"),
    ],
}

ALTERNATIVES = {
    "ex1_gradient_of": [
        Variant("numpy_float32", "np.asarray(..., np.float32)로 상수를 만들고 gradient에 리스트를 넘김", '''
def gradient_of(f, x):
    source = x if isinstance(x, tf.Variable) else tf.constant(np.asarray(x, dtype=np.float32))
    with tf.GradientTape(watch_accessed_variables=False) as tape:
        tape.watch(source)
        value = f(source)
    (grad,) = tape.gradient(value, [source])
    return tf.convert_to_tensor(grad, dtype=tf.float32)
'''),
        Variant("branch_per_kind", "변수와 상수를 나눠 처리 (변수는 자동 감시)", '''
def gradient_of(f, x):
    if isinstance(x, tf.Variable):
        with tf.GradientTape() as tape:
            y = f(x)
        return tf.cast(tape.gradient(y, x), tf.float32)
    t = tf.cast(tf.convert_to_tensor(x), tf.float32)
    with tf.GradientTape() as tape:
        tape.watch(t)
        y = f(t)
    return tape.gradient(y, t)
'''),
    ],
    "ex2_second_derivative": [
        Variant("persistent_recording", "persistent 테이프 하나가 자기 gradient 계산까지 기록", '''
def second_derivative(f, x):
    x = x if isinstance(x, tf.Variable) else tf.cast(x, tf.float32)
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        y = f(x)
        dy_dx = tape.gradient(y, x)
    d2 = tape.gradient(dy_dx, x)
    del tape
    return tf.cast(d2, tf.float32)
'''),
    ],
    "ex3_linear_step": [
        Variant("analytic_gradient", "MSE의 기울기를 식으로 계산하고 assign으로 업데이트", '''
def linear_step(W, b, X, y, learning_rate):
    X = tf.convert_to_tensor(X, tf.float32)
    y = tf.convert_to_tensor(y, tf.float32)
    error = X @ W + b - y
    n_entries = tf.cast(tf.size(error), tf.float32)
    loss = float(tf.reduce_sum(error ** 2) / n_entries)
    grad_W = 2.0 * tf.transpose(X) @ error / n_entries
    grad_b = 2.0 * tf.reduce_sum(error, axis=0) / n_entries
    W.assign(W - learning_rate * grad_W)
    b.assign(b - learning_rate * grad_b)
    return loss
'''),
        Variant("keras_mse", "keras.losses.MeanSquaredError와 zip으로 업데이트", '''
def linear_step(W, b, X, y, learning_rate):
    mse = keras.losses.MeanSquaredError()
    with tf.GradientTape() as tape:
        loss = mse(y, X @ W + b)
    for variable, grad in zip([W, b], tape.gradient(loss, [W, b])):
        variable.assign_sub(learning_rate * grad)
    return float(loss.numpy())
'''),
    ],
    "ex4_simple_dense": [
        Variant("keras_ops_initializer_objects", "keras.ops와 초기화 객체, 활성화는 call에서 적용, None이면 None 저장", '''
class SimpleDense(keras.layers.Layer):
    def __init__(self, units, activation=None, **kwargs):
        super().__init__(**kwargs)
        self.units = int(units)
        self.activation = None if activation is None else keras.activations.get(activation)

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(int(input_shape[-1]), self.units),
                                      initializer=keras.initializers.RandomNormal(mean=0.0, stddev=0.05), trainable=True)
        self.bias = self.add_weight(shape=(self.units,), initializer=keras.initializers.Zeros(), trainable=True)

    def call(self, inputs):
        z = keras.ops.matmul(inputs, self.kernel) + self.bias
        return z if self.activation is None else self.activation(z)

    def get_config(self):
        activation = None if self.activation is None else keras.activations.serialize(self.activation)
        return {**super().get_config(), "units": self.units, "activation": activation}
'''),
    ],
    "ex5_build_digits_mlp": [
        Variant("functional_with_objects", "함수형 API, Adam과 손실 객체, 정확도 지표 객체", '''
def build_digits_mlp(input_dim=64, n_classes=10, hidden=128, dropout=0.2):
    inputs = keras.Input(shape=(input_dim,))
    h = keras.layers.Dense(hidden, activation=keras.activations.relu)(inputs)
    h = keras.layers.Dropout(rate=dropout)(h)
    outputs = keras.layers.Dense(n_classes, activation="softmax")(h)
    model = keras.Model(inputs=inputs, outputs=outputs)
    model.compile(optimizer=keras.optimizers.Adam(), loss=keras.losses.SparseCategoricalCrossentropy(from_logits=False),
                  metrics=[keras.metrics.SparseCategoricalAccuracy()])
    return model
'''),
        Variant("sequential_add", "Sequential.add로 쌓고 손실 함수를 함수로 지정", '''
def build_digits_mlp(input_dim=64, n_classes=10, hidden=128, dropout=0.2):
    model = keras.Sequential()
    model.add(keras.Input(shape=(input_dim,)))
    model.add(keras.layers.Dense(hidden, activation="relu"))
    model.add(keras.layers.Dropout(dropout))
    model.add(keras.layers.Dense(n_classes, activation="softmax"))
    model.compile(optimizer="adam", loss=keras.losses.sparse_categorical_crossentropy, metrics=["acc"])
    return model
'''),
    ],
    "ex6_choose_loss": [
        Variant("match_statement", "match 문으로 고름", '''
def choose_loss(task):
    match task:
        case "regression":
            return keras.losses.MeanSquaredError()
        case "binary" | "multilabel":
            return keras.losses.BinaryCrossentropy(from_logits=False)
        case "multiclass_int":
            return keras.losses.SparseCategoricalCrossentropy(from_logits=False)
        case "multiclass_onehot":
            return keras.losses.CategoricalCrossentropy(from_logits=False)
    raise ValueError("지원하지 않는 문제 유형: " + repr(task))
'''),
    ],
    "ex7_make_scaled_sum": [
        Variant("tf_function_call", "tf.function(함수, input_signature=...)로 감싸고 곱을 먼저 함", '''
def make_scaled_sum():
    def scaled_sum(x, scale):
        return tf.reduce_sum(x * scale)
    signature = (tf.TensorSpec(shape=(None,), dtype=tf.float32), tf.TensorSpec(shape=(), dtype=tf.float32))
    return tf.function(scaled_sum, input_signature=signature)
'''),
    ],
    "q1_answer": [Variant("numpy_int", "numpy 정수로 입력", "q1_answer = np.int64(2)")],
    "q2_answer": [Variant("expression", "식으로 입력", "q2_answer = 6 // 2")],
    "q3_answer": [Variant("with_comment", "주석과 함께", "q3_answer = 3  # 새 shape에서 재추적")],
    "q4_answer": [Variant("int_of_string", "문자열을 int로 바꿔 입력", 'q4_answer = int("2")')],
}
