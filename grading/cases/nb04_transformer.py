"""Mutants and alternatives for 04_transformer.

Every mutant must lose all points of its exercise; every alternative must keep them.
Solution cells run after the notebook's own cells, so `np`, `tf` and `keras` exist.
Mutants are written as small edits of the reference (`_edit`), so each differs from it in the one
mistake it models. The harness packs one variant per exercise into a submission; exercise 5's
function calls exercises 2 and 4 (DEPENDS), so their variants never share one: exercises 2 and 4
keep two mutants each so that exercise 5's two fit beside exercises 1 and 3's four (CI time).
"""
from . import Variant

DEPENDS = {"ex5_build_digits_transformer": ["ex2_positional_encoding", "ex4_transformer_block"]}

ATTENTION = '''
def scaled_dot_product_attention(q, k, v, mask=None):
    d_k = tf.cast(tf.shape(k)[-1], q.dtype)
    scores = tf.matmul(q, k, transpose_b=True) / tf.sqrt(d_k)
    if mask is not None:
        allowed = tf.cast(mask, tf.bool)
        scores = tf.where(allowed, scores, tf.constant(-1e9, dtype=scores.dtype))
    weights = tf.nn.softmax(scores, axis=-1)
    return tf.matmul(weights, v), weights
'''

POSITIONAL = '''
def positional_encoding(length, depth):
    positions = np.arange(length, dtype=np.float64)[:, None]
    columns = np.arange(depth)
    angles = positions / np.power(10000.0, 2 * (columns // 2) / depth)
    return np.where(columns % 2 == 0, np.sin(angles), np.cos(angles)).astype(np.float32)
'''

HEADS = '''
def split_heads(x, num_heads):
    _, seq, d_model = x.shape
    if d_model % num_heads != 0:
        raise ValueError(f"d_model({d_model})이 num_heads({num_heads})로 나누어떨어지지 않습니다.")
    depth = d_model // num_heads
    x = tf.reshape(x, (-1, seq, num_heads, depth))
    return tf.transpose(x, (0, 2, 1, 3))


def merge_heads(x):
    _, num_heads, seq, depth = x.shape
    x = tf.transpose(x, (0, 2, 1, 3))
    return tf.reshape(x, (-1, seq, num_heads * depth))
'''

BLOCK = '''
class TransformerEncoderBlock(keras.layers.Layer):
    def __init__(self, d_model, num_heads, d_ff, dropout=0.1, **kwargs):
        super().__init__(**kwargs)
        self.d_model, self.num_heads, self.d_ff, self.dropout = d_model, num_heads, d_ff, dropout
        self.attention = keras.layers.MultiHeadAttention(num_heads=num_heads, key_dim=d_model // num_heads)
        self.dropout1 = keras.layers.Dropout(dropout)
        self.norm1 = keras.layers.LayerNormalization()
        self.ffn1 = keras.layers.Dense(d_ff, activation="relu")
        self.ffn2 = keras.layers.Dense(d_model)
        self.dropout2 = keras.layers.Dropout(dropout)
        self.norm2 = keras.layers.LayerNormalization()

    def call(self, x, training=False, mask=None):
        attention_mask = None
        if mask is not None:
            attention_mask = tf.cast(mask, tf.bool)[:, tf.newaxis, :]
        attention = self.attention(x, x, attention_mask=attention_mask, training=training)
        x = self.norm1(x + self.dropout1(attention, training=training))
        ffn = self.ffn2(self.ffn1(x))
        return self.norm2(x + self.dropout2(ffn, training=training))

    def get_config(self):
        config = super().get_config()
        config.update({"d_model": self.d_model, "num_heads": self.num_heads, "d_ff": self.d_ff, "dropout": self.dropout})
        return config
'''

MODEL = '''
def build_digits_transformer(d_model=32, num_heads=4, d_ff=64, num_blocks=1, use_positional_encoding=True):
    inputs = keras.Input(shape=(8, 8))
    x = keras.layers.Dense(d_model)(inputs)
    if use_positional_encoding:
        x = x + positional_encoding(8, d_model)
    for _ in range(num_blocks):
        x = TransformerEncoderBlock(d_model, num_heads, d_ff)(x)
    x = keras.layers.GlobalAveragePooling1D()(x)
    outputs = keras.layers.Dense(10, activation="softmax")(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=3e-3),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
'''

AGREEMENT = '''
def shuffled_agreement(model, X, seed):
    X = np.asarray(X)
    perm = np.random.default_rng(seed).permutation(8)
    before = np.argmax(model.predict(X, verbose=0), axis=1)
    after = np.argmax(model.predict(X[:, perm, :], verbose=0), axis=1)
    return float(np.mean(before == after))
'''


def _edit(reference: str, *changes: tuple[str, str]) -> str:
    """The reference with each (old, new) replaced once; an old text that is not there is a bug here."""
    code = reference
    for old, new in changes:
        assert code.count(old) == 1, old
        code = code.replace(old, new)
    return code


MUTANTS = {
    "ex1_scaled_dot_product_attention": [
        Variant("no_sqrt_scaling", "점수를 sqrt(d_k)로 나누지 않음",
                _edit(ATTENTION, ("tf.matmul(q, k, transpose_b=True) / tf.sqrt(d_k)", "tf.matmul(q, k, transpose_b=True)"))),
        Variant("scaled_by_d_model", "헤드로 나누기 전의 d_model(= 헤드 수 × d_k)의 제곱근으로 나눔 (4차원 입력의 축 1을 헤드로 봄)",
                _edit(ATTENTION, ("d_k = tf.cast(tf.shape(k)[-1], q.dtype)",
                                  "d_k = tf.cast(k.shape[-1] * (k.shape[1] if len(k.shape) == 4 else 1), q.dtype)"))),
        Variant("mask_inverted", "mask의 0/False를 '볼 수 있음'으로 해석 (규칙을 거꾸로)",
                _edit(ATTENTION, ("tf.where(allowed, scores, tf.constant(-1e9, dtype=scores.dtype))",
                                  "tf.where(allowed, tf.constant(-1e9, dtype=scores.dtype), scores)"))),
        Variant("softmax_wrong_axis", "softmax를 쿼리 축(axis=-2)에 적용",
                _edit(ATTENTION, ("tf.nn.softmax(scores, axis=-1)", "tf.nn.softmax(scores, axis=-2)"))),
    ],
    "ex2_positional_encoding": [
        Variant("sin_cos_swapped", "짝수 열에 코사인, 홀수 열에 사인",
                _edit(POSITIONAL, ("np.sin(angles), np.cos(angles)", "np.cos(angles), np.sin(angles)"))),
        Variant("concatenated", "TensorFlow 튜토리얼처럼 사인 절반과 코사인 절반을 이어 붙임 (번갈아 놓지 않음)", '''
def positional_encoding(length, depth):
    half = (depth + 1) // 2
    positions = np.arange(length)[:, None]
    angles = positions / np.power(10000.0, 2 * np.arange(half) / depth)
    return np.concatenate([np.sin(angles), np.cos(angles)], axis=-1)[:, :depth].astype(np.float32)
'''),
    ],
    "ex3_split_heads": [
        Variant("interleaved_heads", "(seq, depth, num_heads)로 나눠 헤드가 특성을 하나씩 건너뛰며 가져감",
                _edit(HEADS, ("tf.reshape(x, (-1, seq, num_heads, depth))\n    return tf.transpose(x, (0, 2, 1, 3))",
                              "tf.reshape(x, (-1, seq, depth, num_heads))\n    return tf.transpose(x, (0, 3, 1, 2))"),
                      ("x = tf.transpose(x, (0, 2, 1, 3))\n    return tf.reshape(x, (-1, seq, num_heads * depth))",
                       "x = tf.transpose(x, (0, 2, 3, 1))\n    return tf.reshape(x, (-1, seq, num_heads * depth))"))),
        Variant("reshape_without_transpose", "transpose 없이 (batch, num_heads, seq, depth)로 바로 reshape",
                _edit(HEADS, ("x = tf.reshape(x, (-1, seq, num_heads, depth))\n    return tf.transpose(x, (0, 2, 1, 3))",
                              "return tf.reshape(x, (-1, num_heads, seq, depth))"),
                      ("x = tf.transpose(x, (0, 2, 1, 3))\n    return tf.reshape(x, (-1, seq, num_heads * depth))",
                       "return tf.reshape(x, (-1, seq, num_heads * depth))"))),
        Variant("no_value_error", "나누어떨어지는지 확인하지 않음 (reshape의 TensorFlow 오류가 남)",
                _edit(HEADS, ("    if d_model % num_heads != 0:\n        raise ValueError(f\"d_model({d_model})이 num_heads({num_heads})로 나누어떨어지지 않습니다.\")\n", ""))),
    ],
    "ex4_transformer_block": [
        Variant("pre_norm", "정규화를 부층 앞에 둠 (pre-norm, 과제는 post-norm)",
                _edit(BLOCK, ("attention = self.attention(x, x, attention_mask=attention_mask, training=training)\n"
                              "        x = self.norm1(x + self.dropout1(attention, training=training))\n"
                              "        ffn = self.ffn2(self.ffn1(x))\n"
                              "        return self.norm2(x + self.dropout2(ffn, training=training))",
                              "h = self.norm1(x)\n"
                              "        attention = self.attention(h, h, attention_mask=attention_mask, training=training)\n"
                              "        x = x + self.dropout1(attention, training=training)\n"
                              "        ffn = self.ffn2(self.ffn1(self.norm2(x)))\n"
                              "        return x + self.dropout2(ffn, training=training)"))),
        Variant("residual_missing", "어텐션 부층의 잔차 연결을 빠뜨림 (입력을 더하지 않음)",
                _edit(BLOCK, ("x = self.norm1(x + self.dropout1(attention, training=training))",
                              "x = self.norm1(self.dropout1(attention, training=training))"))),
    ],
    "ex5_build_digits_transformer": [
        Variant("positional_encoding_never_added", "위치 인코딩을 더하지 않음 (use_positional_encoding을 무시)",
                _edit(MODEL, ("    if use_positional_encoding:\n        x = x + positional_encoding(8, d_model)\n", ""))),
        Variant("compile_positional", "시험 노트처럼 compile('adam', loss, ['accuracy']): Keras 3에서 세 번째 인자는 loss_weights",
                _edit(MODEL, ("model.compile(optimizer=keras.optimizers.Adam(learning_rate=3e-3),\n"
                              "                  loss=\"sparse_categorical_crossentropy\", metrics=[\"accuracy\"])",
                              "model.compile(\"adam\", \"sparse_categorical_crossentropy\", [\"accuracy\"])"))),
    ],
    "ex6_shuffled_agreement": [
        Variant("permutation_per_image", "이미지마다 다른 순서로 행을 섞음",
                _edit(AGREEMENT, ("perm = np.random.default_rng(seed).permutation(8)\n", "rng = np.random.default_rng(seed)\n"),
                      ("X[:, perm, :]", "np.stack([image[rng.permutation(8)] for image in X])"))),
        Variant("columns_shuffled", "행(축 1) 대신 열(축 2)을 섞음",
                _edit(AGREEMENT, ("X[:, perm, :]", "X[:, :, perm]"))),
        Variant("seed_ignored", "seed를 쓰지 않고 np.random.permutation(8)",
                _edit(AGREEMENT, ("np.random.default_rng(seed).permutation(8)", "np.random.permutation(8)"))),
        Variant("fraction_changed", "예측이 바뀐 비율을 반환",
                _edit(AGREEMENT, ("np.mean(before == after)", "np.mean(before != after)"))),
    ],
    "q1_answer": [
        Variant("feed_forward", "FFN을 핵심 요소가 아니라고 오해", "q1_answer = 4"),
        Variant("string_answer", "번호를 문자열로 입력", 'q1_answer = "3"'),
    ],
    "q2_answer": [
        Variant("multi_head_statement", "헤드가 d_model/h로 투영된다는 (옳은) 설명을 틀렸다고 봄", "q2_answer = 2"),
        Variant("absolute_position", "위치 인코딩이 절대 위치를 준다는 (옳은) 설명을 틀렸다고 봄", "q2_answer = 1"),
    ],
    "q3_answer": [
        Variant("rnn_bias", "RNN의 순차 처리는 귀납적 편향이 아니라고 오해", "q3_answer = 2"),
        Variant("query_key", "어텐션 값이 Query와 Key에 따라 달라진다는 (옳은) 설명을 틀렸다고 봄", "q3_answer = 3"),
    ],
    "q4_answer": [
        Variant("reversed", "위치 인코딩이 있는 모델이 순서에 불변이라고 오해", "q4_answer = 3"),
        Variant("nothing_changes", "두 모델 모두 바뀌지 않는다고 봄", "q4_answer = 1"),
    ],
}

ALTERNATIVES = {
    "ex1_scaled_dot_product_attention": [
        Variant("einsum_additive_mask", "tf.einsum, 더하는 마스크 (1 - mask) * -1e9, 직접 쓴 softmax", '''
def scaled_dot_product_attention(q, k, v, mask=None):
    scores = tf.einsum("...qd,...kd->...qk", q, k) / float(np.sqrt(k.shape[-1]))
    if mask is not None:
        scores += (1.0 - tf.cast(mask, scores.dtype)) * -1e9
    scores = scores - tf.reduce_max(scores, axis=-1, keepdims=True)
    weights = tf.exp(scores) / tf.reduce_sum(tf.exp(scores), axis=-1, keepdims=True)
    output = tf.einsum("...qk,...kv->...qv", weights, v)
    return (output, weights)
'''),
        Variant("keras_ops", "keras.ops로 (백엔드에 무관한 API)", '''
from keras import ops

def scaled_dot_product_attention(q, k, v, mask=None):
    logits = ops.matmul(q, ops.swapaxes(k, -1, -2)) / ops.sqrt(ops.cast(ops.shape(k)[-1], "float32"))
    if mask is not None:
        logits = ops.where(ops.cast(mask, "bool"), logits, -1e9)
    weights = ops.softmax(logits, axis=-1)
    return ops.matmul(weights, v), weights
'''),
    ],
    "ex2_positional_encoding": [
        Variant("loops_float32", "이중 반복문으로 float32 배열을 채움", '''
def positional_encoding(length, depth):
    pe = np.zeros((length, depth), dtype=np.float32)
    for p in range(length):
        for i in range(0, depth, 2):
            angle = p / (10000 ** (i / depth))
            pe[p, i] = np.sin(angle)
            if i + 1 < depth:
                pe[p, i + 1] = np.cos(angle)
    return pe
'''),
    ],
    "ex3_split_heads": [
        Variant("slices_stack_concat", "헤드마다 특성 구간을 잘라 tf.stack, 합칠 때 tf.concat", '''
def split_heads(x, num_heads):
    d_model = int(x.shape[-1])
    if d_model % num_heads:
        raise ValueError("d_model을 num_heads로 나눌 수 없습니다: %d %% %d != 0" % (d_model, num_heads))
    depth = d_model // num_heads
    return tf.stack([x[:, :, h * depth:(h + 1) * depth] for h in range(num_heads)], axis=1)


def merge_heads(x):
    return tf.concat(tf.unstack(x, axis=1), axis=-1)
'''),
        Variant("tf_split_einsum_free", "tf.split과 tf.transpose(perm=...) 키워드", '''
def split_heads(x, num_heads):
    if x.shape[-1] % num_heads != 0:
        raise ValueError("헤드 수가 d_model의 약수가 아닙니다")
    return tf.stack(tf.split(x, num_heads, axis=-1), axis=1)


def merge_heads(x):
    batch, heads, seq, depth = x.shape
    return tf.reshape(tf.transpose(x, perm=[0, 2, 1, 3]), [tf.shape(x)[0], seq, heads * depth])
'''),
    ],
    "ex4_transformer_block": [
        Variant("hand_written_attention", "어텐션을 Dense 4개(Q, K, V, 출력)로 직접 구현, FFN은 Sequential, 마스크는 더하기로", '''
class TransformerEncoderBlock(keras.layers.Layer):
    def __init__(self, d_model, num_heads, d_ff, dropout=0.1, **kwargs):
        super().__init__(**kwargs)
        self.d_model, self.num_heads, self.d_ff, self.dropout = d_model, num_heads, d_ff, dropout
        self.wq, self.wk, self.wv, self.wo = (keras.layers.Dense(d_model) for _ in range(4))
        self.ffn = keras.Sequential([keras.layers.Dense(d_ff, activation="relu"), keras.layers.Dense(d_model)])
        self.norm_attention = keras.layers.LayerNormalization()
        self.norm_ffn = keras.layers.LayerNormalization()
        self.drop_attention = keras.layers.Dropout(dropout)
        self.drop_ffn = keras.layers.Dropout(dropout)

    def _heads(self, t):
        t = tf.reshape(t, (tf.shape(t)[0], -1, self.num_heads, self.d_model // self.num_heads))
        return tf.transpose(t, (0, 2, 1, 3))

    def call(self, x, training=False, mask=None):
        q, k, v = self._heads(self.wq(x)), self._heads(self.wk(x)), self._heads(self.wv(x))
        scores = tf.einsum("bhqd,bhkd->bhqk", q, k) / (self.d_model // self.num_heads) ** 0.5
        if mask is not None:
            scores += (1.0 - tf.cast(mask, scores.dtype)[:, None, None, :]) * -1e9
        context = tf.einsum("bhqk,bhkd->bhqd", tf.nn.softmax(scores, axis=-1), v)
        context = tf.reshape(tf.transpose(context, (0, 2, 1, 3)), (tf.shape(x)[0], -1, self.d_model))
        x = self.norm_attention(x + self.drop_attention(self.wo(context), training=training))
        return self.norm_ffn(x + self.drop_ffn(self.ffn(x), training=training))

    def get_config(self):
        return {**super().get_config(), "d_model": self.d_model, "num_heads": self.num_heads,
                "d_ff": self.d_ff, "dropout": self.dropout}
'''),
    ],
    "ex5_build_digits_transformer": [
        Variant("named_layers_loss_object", "층 이름, keras.ops.add로 위치 인코딩, 손실·정확도 객체, 학습률 2e-3", '''
def build_digits_transformer(d_model=32, num_heads=4, d_ff=64, num_blocks=1, use_positional_encoding=True):
    rows = keras.Input(shape=(8, 8), name="rows")
    h = keras.layers.Dense(d_model, name="row_embedding")(rows)
    if use_positional_encoding:
        h = keras.ops.add(h, positional_encoding(8, d_model)[np.newaxis])
    for i in range(num_blocks):
        h = TransformerEncoderBlock(d_model, num_heads, d_ff, dropout=0.1, name=f"encoder_{i}")(h)
    pooled = keras.layers.GlobalAveragePooling1D(name="mean_over_rows")(h)
    probabilities = keras.layers.Dense(10, activation="softmax", name="classes")(pooled)
    model = keras.Model(inputs=rows, outputs=probabilities, name="digits_vit")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=2e-3),
                  loss=keras.losses.SparseCategoricalCrossentropy(),
                  metrics=[keras.metrics.SparseCategoricalAccuracy(name="accuracy")])
    return model
'''),
    ],
    "ex6_shuffled_agreement": [
        Variant("np_take_tf_argmax", "np.take(axis=1)과 tf.argmax, tf.reduce_mean", '''
def shuffled_agreement(model, X, seed):
    order = np.random.default_rng(seed).permutation(8)
    shuffled = np.take(np.asarray(X), order, axis=1)
    same = tf.argmax(model.predict(X, verbose=0), axis=-1) == tf.argmax(model.predict(shuffled, verbose=0), axis=-1)
    return float(tf.reduce_mean(tf.cast(same, tf.float32)))
'''),
    ],
    "q1_answer": [Variant("numpy_int", "numpy 정수로 입력", "q1_answer = np.int64(3)")],
    "q2_answer": [Variant("int_of_string", "문자열을 int로 바꿔 입력", 'q2_answer = int("4")')],
    "q3_answer": [Variant("expression", "식으로 입력", "q3_answer = 2 + 2")],
    "q4_answer": [Variant("with_comment", "주석과 함께", "q4_answer = 2  # 위치 인코딩이 없는 모델만 순서에 불변")],
}
