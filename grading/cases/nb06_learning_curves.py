"""Mutants and alternatives for 06_learning_curves.

Every mutant must lose all points of its exercise; every alternative must keep them.
Solution cells run after the notebook's own cells, so `np`, `pd`, `tf`, `keras` and `learning_curve`
(imported in exercise 7's cell, which a variant replaces whole) exist where noted.
No exercise calls another's function: no DEPENDS.
"""
from . import Variant

MUTANTS = {
    "ex1_best_epoch": [
        Variant("zero_based", "np.argmin을 그대로 반환 (0부터 센 번호)", '''
def best_epoch(history):
    h = history.history if hasattr(history, "history") else history
    return int(np.argmin(h["val_loss"]))
'''),
        Variant("by_training_loss", "검증 손실 대신 학습 손실 loss로 찾음", '''
def best_epoch(history):
    h = history.history if hasattr(history, "history") else history
    return int(np.argmin(h["loss"])) + 1
'''),
        Variant("last_of_ties", "<=로 갱신해 동점 중 마지막 에포크를 반환", '''
def best_epoch(history):
    h = history.history if hasattr(history, "history") else history
    best, best_value = 1, float("inf")
    for epoch, value in enumerate(h["val_loss"], start=1):
        if value <= best_value:
            best, best_value = epoch, value
    return best
'''),
        Variant("dict_only", "History 객체를 받지 못함 (딕셔너리만 가정)", '''
def best_epoch(history):
    return int(np.argmin(history["val_loss"])) + 1
'''),
    ],
    "ex2_diagnose_fit": [
        Variant("rules_reordered", "과소적합 규칙을 먼저 확인", '''
def diagnose_fit(history, baseline_loss, tol=0.1):
    h = history.history if hasattr(history, "history") else history
    if h["loss"][-1] > 0.5 * baseline_loss:
        return "underfitting"
    if h["val_loss"][-1] > (1 + tol) * min(h["val_loss"]):
        return "overfitting"
    return "good"
'''),
        Variant("greater_or_equal", ">= 로 비교 (경계값에서 규칙이 참)", '''
def diagnose_fit(history, baseline_loss, tol=0.1):
    h = history.history if hasattr(history, "history") else history
    if h["val_loss"][-1] >= (1 + tol) * min(h["val_loss"]):
        return "overfitting"
    if h["loss"][-1] >= 0.5 * baseline_loss:
        return "underfitting"
    return "good"
'''),
        Variant("tol_ignored", "tol 인자를 무시하고 0.1로 고정", '''
def diagnose_fit(history, baseline_loss, tol=0.1):
    h = history.history if hasattr(history, "history") else history
    if h["val_loss"][-1] > 1.1 * min(h["val_loss"]):
        return "overfitting"
    if h["loss"][-1] > 0.5 * baseline_loss:
        return "underfitting"
    return "good"
'''),
        Variant("underfit_by_val_loss", "과소적합을 학습 손실 대신 검증 손실로 판단", '''
def diagnose_fit(history, baseline_loss, tol=0.1):
    h = history.history if hasattr(history, "history") else history
    if h["val_loss"][-1] > (1 + tol) * min(h["val_loss"]):
        return "overfitting"
    if h["val_loss"][-1] > 0.5 * baseline_loss:
        return "underfitting"
    return "good"
'''),
    ],
    "ex3_make_early_stopping": [
        Variant("restore_best_weights_off", "restore_best_weights를 빠뜨림 (멈춘 시점의 가중치가 남음)", '''
def make_early_stopping(patience):
    return keras.callbacks.EarlyStopping(monitor="val_loss", mode="min", patience=patience)
'''),
        Variant("monitors_training_loss", "monitor='loss' (학습 손실을 지켜봄)", '''
def make_early_stopping(patience):
    return keras.callbacks.EarlyStopping(monitor="loss", mode="min", patience=patience, restore_best_weights=True)
'''),
        Variant("patience_ignored", "patience 인자를 무시하고 5로 고정", '''
def make_early_stopping(patience):
    return keras.callbacks.EarlyStopping(monitor="val_loss", mode="min", patience=5, restore_best_weights=True)
'''),
        Variant("mode_max", "mode='max' (손실이 클수록 좋다고 봄)", '''
def make_early_stopping(patience):
    return keras.callbacks.EarlyStopping(monitor="val_loss", mode="max", patience=patience, restore_best_weights=True)
'''),
    ],
    "ex4_build_mlp": [
        Variant("l2_on_output_layer", "출력층에도 L2 규제를 붙임", '''
def build_mlp(input_dim, n_classes, hidden=(64,), l2=0.0, dropout=0.0):
    reg = keras.regularizers.L2(l2) if l2 > 0 else None
    layers = [keras.Input(shape=(input_dim,))]
    for units in hidden:
        layers.append(keras.layers.Dense(units, activation="relu", kernel_regularizer=reg))
        if dropout > 0:
            layers.append(keras.layers.Dropout(dropout))
    layers.append(keras.layers.Dense(n_classes, activation="softmax", kernel_regularizer=reg))
    model = keras.Sequential(layers)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model
'''),
        Variant("dropout_before_dense", "Dropout을 각 은닉층 앞(입력 쪽)에 둠", '''
def build_mlp(input_dim, n_classes, hidden=(64,), l2=0.0, dropout=0.0):
    layers = [keras.Input(shape=(input_dim,))]
    for units in hidden:
        if dropout > 0:
            layers.append(keras.layers.Dropout(dropout))
        layers.append(keras.layers.Dense(units, activation="relu",
                                         kernel_regularizer=keras.regularizers.L2(l2) if l2 > 0 else None))
    layers.append(keras.layers.Dense(n_classes, activation="softmax"))
    model = keras.Sequential(layers)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model
'''),
        Variant("l1_instead_of_l2", "L2 대신 L1 규제를 씀", '''
def build_mlp(input_dim, n_classes, hidden=(64,), l2=0.0, dropout=0.0):
    layers = [keras.Input(shape=(input_dim,))]
    for units in hidden:
        layers.append(keras.layers.Dense(units, activation="relu",
                                         kernel_regularizer=keras.regularizers.L1(l2) if l2 > 0 else None))
        if dropout > 0:
            layers.append(keras.layers.Dropout(dropout))
    layers.append(keras.layers.Dense(n_classes, activation="softmax"))
    model = keras.Sequential(layers)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model
'''),
        Variant("positional_compile", "compile('adam', loss, ['accuracy'])처럼 위치 인자로 넘김 (Keras 3에서 지표가 loss_weights가 됨)", '''
def build_mlp(input_dim, n_classes, hidden=(64,), l2=0.0, dropout=0.0):
    layers = [keras.Input(shape=(input_dim,))]
    for units in hidden:
        layers.append(keras.layers.Dense(units, activation="relu",
                                         kernel_regularizer=keras.regularizers.L2(l2) if l2 > 0 else None))
        if dropout > 0:
            layers.append(keras.layers.Dropout(dropout))
    layers.append(keras.layers.Dense(n_classes, activation="softmax"))
    model = keras.Sequential(layers)
    model.compile(keras.optimizers.Adam(learning_rate=0.01), "sparse_categorical_crossentropy", ["accuracy"])
    return model
'''),
    ],
    "ex5_dropout_scales": [
        Variant("scales_swapped", "두 배율을 서로 바꿈 (학습 때 1-p, 추론 때 1/(1-p))", '''
def inverted_dropout_scale(p):
    if not 0 <= p < 1:
        raise ValueError("p는 0 이상 1 미만")
    return 1.0 - p


def classic_dropout_inference_scale(p):
    if not 0 <= p < 1:
        raise ValueError("p는 0 이상 1 미만")
    return 1.0 / (1.0 - p)
'''),
        Variant("no_range_check", "범위 검사를 빠뜨림 (p=1에서 ZeroDivisionError, 음수 허용)", '''
def inverted_dropout_scale(p):
    return 1.0 / (1.0 - p)


def classic_dropout_inference_scale(p):
    return 1.0 - p
'''),
        Variant("zero_rejected", "p=0도 ValueError (0 < p < 1로 검사)", '''
def inverted_dropout_scale(p):
    if not 0 < p < 1:
        raise ValueError("p는 0 초과 1 미만")
    return 1.0 / (1.0 - p)


def classic_dropout_inference_scale(p):
    if not 0 < p < 1:
        raise ValueError("p는 0 초과 1 미만")
    return 1.0 - p
'''),
        Variant("p_as_keep_probability", "p를 살릴 확률로 오해 (1/p, p)", '''
def inverted_dropout_scale(p):
    if not 0 <= p < 1:
        raise ValueError("p는 0 이상 1 미만")
    return 1.0 / p if p else 1.0


def classic_dropout_inference_scale(p):
    if not 0 <= p < 1:
        raise ValueError("p는 0 이상 1 미만")
    return float(p) if p else 1.0
'''),
    ],
    "ex6_batchnorm_inference": [
        Variant("batch_statistics", "추론인데 x의 배치 평균·분산으로 정규화", '''
def batchnorm_inference(x, gamma, beta, moving_mean, moving_var, eps=1e-3):
    x = np.asarray(x, dtype=float)
    axes = tuple(range(x.ndim - 1))
    return gamma * (x - x.mean(axis=axes)) / np.sqrt(x.var(axis=axes) + eps) + beta
'''),
        Variant("eps_outside_sqrt", "eps를 제곱근 밖에서 더함", '''
def batchnorm_inference(x, gamma, beta, moving_mean, moving_var, eps=1e-3):
    x = np.asarray(x, dtype=float)
    return gamma * (x - moving_mean) / (np.sqrt(moving_var) + eps) + beta
'''),
        Variant("eps_ignored", "eps 인자를 무시하고 1e-3으로 고정", '''
def batchnorm_inference(x, gamma, beta, moving_mean, moving_var, eps=1e-3):
    x = np.asarray(x, dtype=float)
    return gamma * (x - moving_mean) / np.sqrt(moving_var + 1e-3) + beta
'''),
        Variant("variance_as_std", "분산의 제곱근을 잊고 분산으로 나눔", '''
def batchnorm_inference(x, gamma, beta, moving_mean, moving_var, eps=1e-3):
    x = np.asarray(x, dtype=float)
    return gamma * (x - moving_mean) / (np.asarray(moving_var) + eps) + beta
'''),
    ],
    "ex7_training_size_curve": [
        Variant("no_shuffle", "shuffle=True를 빠뜨림 (정렬된 데이터에서 작은 크기가 일부 클래스만 봄)", '''
from sklearn.model_selection import learning_curve


def training_size_curve(estimator, X, y, sizes, cv=5, random_state=0):
    sizes_abs, train, val = learning_curve(estimator, X, y, train_sizes=sizes, cv=cv)
    return pd.DataFrame({"train_score": train.mean(axis=1), "val_score": val.mean(axis=1)},
                        index=pd.Index(sizes_abs, name="train_size"))
'''),
        Variant("random_state_ignored", "random_state 인자를 무시하고 0으로 고정", '''
from sklearn.model_selection import learning_curve


def training_size_curve(estimator, X, y, sizes, cv=5, random_state=0):
    sizes_abs, train, val = learning_curve(estimator, X, y, train_sizes=sizes, cv=cv, shuffle=True, random_state=0)
    return pd.DataFrame({"train_score": train.mean(axis=1), "val_score": val.mean(axis=1)},
                        index=pd.Index(sizes_abs, name="train_size"))
'''),
        Variant("given_sizes_as_index", "실제 개수 대신 받은 sizes(비율)를 인덱스로 씀", '''
from sklearn.model_selection import learning_curve


def training_size_curve(estimator, X, y, sizes, cv=5, random_state=0):
    sizes_abs, train, val = learning_curve(estimator, X, y, train_sizes=sizes, cv=cv, shuffle=True,
                                           random_state=random_state)
    return pd.DataFrame({"train_score": train.mean(axis=1), "val_score": val.mean(axis=1)},
                        index=pd.Index(sizes, name="train_size"))
'''),
        Variant("cv_ignored", "cv 인자를 무시하고 5겹으로 고정", '''
from sklearn.model_selection import learning_curve


def training_size_curve(estimator, X, y, sizes, cv=5, random_state=0):
    sizes_abs, train, val = learning_curve(estimator, X, y, train_sizes=sizes, cv=5, shuffle=True,
                                           random_state=random_state)
    return pd.DataFrame({"train_score": train.mean(axis=1), "val_score": val.mean(axis=1)},
                        index=pd.Index(sizes_abs, name="train_size"))
'''),
    ],
    "q1_answer": [
        Variant("more_capacity", "과대적합인데 용량·에포크를 늘리는 것이 맞다고 오해 (알맞은 대응을 고름)", "q1_answer = 1"),
        Variant("string_answer", "번호를 문자열로 입력", 'q1_answer = "4"'),
    ],
    "q2_answer": [
        Variant("inverted_scale", "역 드롭아웃의 학습 때 배율 1/(1-p)와 혼동", "q2_answer = 3"),
        Variant("drop_rate", "끈 비율 p를 곱함", "q2_answer = 1"),
    ],
    "q3_answer": [
        Variant("skip_layer", "추론 때 배치 정규화 층을 건너뛴다고 오해", "q3_answer = 1"),
        Variant("batch_statistics", "추론 배치의 통계를 쓴다고 오해", "q3_answer = 2"),
    ],
    "q4_answer": [
        Variant("l2_sparsity", "L2가 가중치를 0으로 만든다고 오해", "q4_answer = 1"),
        Variant("dropout_lowers_bias", "드롭아웃이 편향을 낮춘다고 오해", "q4_answer = 3"),
    ],
}

ALTERNATIVES = {
    "ex1_best_epoch": [
        Variant("pure_python_loop", "순수 파이썬 반복문, 엄격히 작을 때만 갱신 (동점은 첫 번째)", '''
def best_epoch(history):
    values = history.history["val_loss"] if isinstance(history, keras.callbacks.History) else history["val_loss"]
    best = 0
    for i in range(1, len(values)):
        if values[i] < values[best]:
            best = i
    return best + 1
'''),
        Variant("list_index_of_min", "list.index(min(...)) + 1, getattr로 딕셔너리 꺼내기", '''
def best_epoch(history):
    values = list(getattr(history, "history", history)["val_loss"])
    return values.index(min(values)) + 1
'''),
    ],
    "ex2_diagnose_fit": [
        Variant("ratio_and_pandas", "pandas Series와 비율로 비교", '''
def diagnose_fit(history, baseline_loss, tol=0.1):
    h = pd.DataFrame(getattr(history, "history", history))
    if h["val_loss"].iloc[-1] / h["val_loss"].min() > 1 + tol:
        return "overfitting"
    return "underfitting" if h["loss"].iloc[-1] / baseline_loss > 0.5 else "good"
'''),
        Variant("single_expression", "한 번의 조건식 체인", '''
def diagnose_fit(history, baseline_loss, tol=0.1):
    h = history.history if isinstance(history, keras.callbacks.History) else history
    final_val, lowest_val, final_loss = h["val_loss"][-1], min(h["val_loss"]), h["loss"][-1]
    return ("overfitting" if final_val > (1 + tol) * lowest_val
            else "underfitting" if final_loss > 0.5 * baseline_loss else "good")
'''),
    ],
    "ex3_make_early_stopping": [
        Variant("tf_keras_namespace", "tf.keras.callbacks (Keras 3와 같은 클래스), verbose=1", '''
def make_early_stopping(patience):
    return tf.keras.callbacks.EarlyStopping(patience=patience, restore_best_weights=True, monitor="val_loss",
                                            mode="min", verbose=1)
'''),
        Variant("imported_class_with_defaults", "from keras.callbacks import, 기본값을 명시", '''
from keras.callbacks import EarlyStopping


def make_early_stopping(patience):
    return EarlyStopping("val_loss", 0, int(patience), 0, "min", None, True, 0)
'''),
    ],
    "ex4_build_mlp": [
        Variant("functional_api", "함수형 API, regularizers.l2 별칭, 손실 객체", '''
def build_mlp(input_dim, n_classes, hidden=(64,), l2=0.0, dropout=0.0):
    inputs = keras.Input(shape=(input_dim,))
    x = inputs
    for units in hidden:
        x = keras.layers.Dense(units, activation="relu",
                               kernel_regularizer=keras.regularizers.l2(l2) if l2 > 0 else None)(x)
        if dropout > 0:
            x = keras.layers.Dropout(rate=dropout)(x)
    outputs = keras.layers.Dense(n_classes, activation="softmax")(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss=keras.losses.SparseCategoricalCrossentropy(),
                  metrics=["accuracy"])
    return model
'''),
        Variant("sequential_add_tf_keras", "tf.keras와 model.add, L1L2(l2=...)", '''
def build_mlp(input_dim, n_classes, hidden=(64,), l2=0.0, dropout=0.0):
    model = tf.keras.Sequential()
    model.add(tf.keras.Input(shape=(input_dim,)))
    for units in hidden:
        model.add(tf.keras.layers.Dense(units, activation="relu",
                                        kernel_regularizer=tf.keras.regularizers.L1L2(l2=l2) if l2 else None))
        if dropout:
            model.add(tf.keras.layers.Dropout(dropout))
    model.add(tf.keras.layers.Dense(n_classes, activation="softmax"))
    model.compile(loss="sparse_categorical_crossentropy", metrics=["accuracy"],
                  optimizer=tf.keras.optimizers.Adam(learning_rate=1e-2))
    return model
'''),
    ],
    "ex5_dropout_scales": [
        Variant("shared_validator", "검사 함수를 공유, 거듭제곱으로 계산", '''
def _check_rate(p):
    if p < 0 or p >= 1:
        raise ValueError(f"드롭아웃 비율은 [0, 1) 안이어야 합니다: {p}")
    return float(p)


def inverted_dropout_scale(p):
    return (1 - _check_rate(p)) ** -1


def classic_dropout_inference_scale(p):
    return 1 - _check_rate(p)
'''),
        Variant("numpy_float64", "넘파이로 계산해 np.float64 반환", '''
def inverted_dropout_scale(p):
    if not (0.0 <= p < 1.0):
        raise ValueError("p는 0 이상 1 미만이어야 합니다")
    return np.float64(1.0) / (np.float64(1.0) - p)


def classic_dropout_inference_scale(p):
    if not (0.0 <= p < 1.0):
        raise ValueError("p는 0 이상 1 미만이어야 합니다")
    return np.float64(1.0) - p
'''),
    ],
    "ex6_batchnorm_inference": [
        Variant("keras_layer", "Keras BatchNormalization 층에 가중치를 넣어 추론 모드로 호출 (float32)", '''
def batchnorm_inference(x, gamma, beta, moving_mean, moving_var, eps=1e-3):
    x = np.asarray(x, dtype="float32")
    layer = keras.layers.BatchNormalization(epsilon=eps)
    layer.build(x.shape)
    layer.set_weights([np.asarray(w, dtype="float32") for w in (gamma, beta, moving_mean, moving_var)])
    return np.asarray(layer(x, training=False))
'''),
        Variant("rsqrt_form", "역제곱근 배율로 한 번에", '''
def batchnorm_inference(x, gamma, beta, moving_mean, moving_var, eps=1e-3):
    inv_std = (np.asarray(moving_var, dtype=float) + eps) ** -0.5
    return np.multiply(np.subtract(x, moving_mean), gamma * inv_std) + np.asarray(beta, dtype=float)
'''),
    ],
    "ex7_training_size_curve": [
        Variant("frame_then_index", "DataFrame을 만든 뒤 인덱스와 이름을 붙임", '''
from sklearn.model_selection import learning_curve


def training_size_curve(estimator, X, y, sizes, cv=5, random_state=0):
    result = learning_curve(estimator, X, y, train_sizes=sizes, cv=cv, shuffle=True, random_state=random_state)
    table = pd.DataFrame({"train_score": np.mean(result[1], axis=1), "val_score": np.mean(result[2], axis=1)})
    table.index = result[0]
    table.index.name = "train_size"
    return table
'''),
        Variant("rows_loop", "크기마다 행을 만들어 from_records", '''
from sklearn import model_selection


def training_size_curve(estimator, X, y, sizes, cv=5, random_state=0):
    sizes_abs, train, val = model_selection.learning_curve(estimator, X, y, train_sizes=sizes, cv=cv,
                                                           shuffle=True, random_state=random_state)
    rows = [(int(n), float(np.mean(t)), float(np.mean(v))) for n, t, v in zip(sizes_abs, train, val)]
    return pd.DataFrame.from_records(rows, columns=["train_size", "train_score", "val_score"]).set_index("train_size")
'''),
    ],
    "q1_answer": [Variant("numpy_int", "numpy 정수로 입력", "q1_answer = np.int64(4)")],
    "q2_answer": [Variant("expression", "식으로 입력", "q2_answer = 4 // 2")],
    "q3_answer": [Variant("with_comment", "주석과 함께", "q3_answer = 3  # 이동 평균·분산")],
    "q4_answer": [Variant("int_of_string", "문자열을 int로 바꿔 입력", 'q4_answer = int("2")')],
}
