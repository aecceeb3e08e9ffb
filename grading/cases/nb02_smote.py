"""Mutants and alternatives for 02_smote.

Every mutant must lose all points of its exercise; every alternative must keep them.
DEPENDS: cv_scores_with_smote is specified to call make_smote_pipeline, so a mutant of
exercise 4 may also cost exercise 5 its points.
"""
from . import Variant

DEPENDS = {"ex5_cv_scores_with_smote": ["ex4_make_smote_pipeline"]}

MUTANTS = {
    "ex1_imbalance_ratio": [
        Variant("inverted", "최소/최대로 뒤집음 (1보다 작은 값)", '''
def imbalance_ratio(y):
    counts = pd.Series(np.asarray(y)).value_counts()
    return float(counts.min() / counts.max())
'''),
        Variant("integer_division", "정수 나눗셈 //", '''
def imbalance_ratio(y):
    counts = pd.Series(np.asarray(y)).value_counts()
    return float(counts.max() // counts.min())
'''),
        Variant("bincount", "np.bincount: 문자열 레이블 불가, 없는 정수 레이블을 0개로 셈", '''
def imbalance_ratio(y):
    counts = np.bincount(np.asarray(y))
    return float(counts.max() / counts.min())
'''),
        Variant("total_over_minority", "전체 개수 / 소수 클래스 개수", '''
def imbalance_ratio(y):
    counts = pd.Series(np.asarray(y)).value_counts()
    return float(len(y) / counts.min())
'''),
        Variant("first_two_classes", "가장 많은 두 클래스의 비율 (셋 이상일 때 틀림)", '''
def imbalance_ratio(y):
    counts = pd.Series(np.asarray(y)).value_counts()
    return float(counts.iloc[0] / counts.iloc[1])
'''),
    ],
    "ex2_smote_interpolate": [
        Variant("no_newaxis", "lam[:, None] 없이 곱함: m == n_features이면 원소별 곱", '''
def smote_interpolate(x_i, x_nn, lam):
    x_i, x_nn = np.asarray(x_i, dtype=float), np.asarray(x_nn, dtype=float)
    return x_i + np.asarray(lam, dtype=float) * (x_nn - x_i)
'''),
        Variant("reversed_direction", "x_nn에서 출발 (lam=0이 x_nn)", '''
def smote_interpolate(x_i, x_nn, lam):
    x_i, x_nn, lam = np.asarray(x_i, float), np.asarray(x_nn, float), np.asarray(lam, float)
    if lam.ndim == 0:
        return x_nn + lam * (x_i - x_nn)
    return x_nn + lam[:, None] * (x_i - x_nn)
'''),
        Variant("always_2d", "스칼라 lam도 (1, n_features)로 반환", '''
def smote_interpolate(x_i, x_nn, lam):
    x_i, x_nn = np.asarray(x_i, float), np.asarray(x_nn, float)
    return x_i + np.asarray(lam, float).reshape(-1, 1) * (x_nn - x_i)
'''),
        Variant("transposed", "(n_features, m) shape로 반환", '''
def smote_interpolate(x_i, x_nn, lam):
    x_i, x_nn, lam = np.asarray(x_i, float), np.asarray(x_nn, float), np.asarray(lam, float)
    if lam.ndim == 0:
        return x_i + lam * (x_nn - x_i)
    return x_i[:, None] + np.outer(x_nn - x_i, lam)
'''),
        Variant("forgets_difference", "x_i + lam * x_nn (차이를 쓰지 않음)", '''
def smote_interpolate(x_i, x_nn, lam):
    x_i, x_nn, lam = np.asarray(x_i, float), np.asarray(x_nn, float), np.asarray(lam, float)
    if lam.ndim == 0:
        return x_i + lam * x_nn
    return x_i + lam[:, None] * x_nn
'''),
    ],
    "ex3_smote": [
        Variant("self_neighbour", "자기 자신을 이웃에서 빼지 않음 (복사본이 생김)", '''
def smote(X_min, n_new, k=5, random_state=None):
    X = np.asarray(X_min, dtype=float)
    if k >= len(X):
        raise ValueError("k는 샘플 수보다 작아야 합니다")
    d = np.sqrt(((X[:, None] - X[None]) ** 2).sum(-1))
    neighbours = np.argsort(d, axis=1)[:, :k]          # 0번 열이 자기 자신
    rng = np.random.default_rng(random_state)
    base = rng.integers(0, len(X), n_new)
    partner = neighbours[base, rng.integers(0, k, n_new)]
    return X[base] + rng.random(n_new)[:, None] * (X[partner] - X[base])
'''),
        Variant("k_plus_one_neighbours", "자기 자신을 빼면서 k+1개 이웃을 씀 (off-by-one)", '''
from sklearn.neighbors import NearestNeighbors

def smote(X_min, n_new, k=5, random_state=None):
    X = np.asarray(X_min, dtype=float)
    if k >= len(X):
        raise ValueError("k는 샘플 수보다 작아야 합니다")
    m = min(k + 2, len(X))
    _, idx = NearestNeighbors(n_neighbors=m).fit(X).kneighbors(X)
    neighbours = idx[:, 1:]
    rng = np.random.default_rng(random_state)
    base = rng.integers(0, len(X), n_new)
    partner = neighbours[base, rng.integers(0, neighbours.shape[1], n_new)]
    return X[base] + rng.random(n_new)[:, None] * (X[partner] - X[base])
'''),
        Variant("any_minority_partner", "k-최근접이 아니라 아무 소수 클래스 샘플과 보간", '''
def smote(X_min, n_new, k=5, random_state=None):
    X = np.asarray(X_min, dtype=float)
    if k >= len(X):
        raise ValueError("k는 샘플 수보다 작아야 합니다")
    rng = np.random.default_rng(random_state)
    base = rng.integers(0, len(X), n_new)
    partner = (base + rng.integers(1, len(X), n_new)) % len(X)
    return X[base] + rng.random(n_new)[:, None] * (X[partner] - X[base])
'''),
        Variant("lam_outside_unit_interval", "λ를 [-0.5, 1.5)에서 뽑음 (선분 밖)", '''
def smote(X_min, n_new, k=5, random_state=None):
    X = np.asarray(X_min, dtype=float)
    if k >= len(X):
        raise ValueError("k는 샘플 수보다 작아야 합니다")
    d = np.sqrt(((X[:, None] - X[None]) ** 2).sum(-1))
    np.fill_diagonal(d, np.inf)
    neighbours = np.argsort(d, axis=1)[:, :k]
    rng = np.random.default_rng(random_state)
    base = rng.integers(0, len(X), n_new)
    partner = neighbours[base, rng.integers(0, k, n_new)]
    lam = rng.uniform(-0.5, 1.5, n_new)
    return X[base] + lam[:, None] * (X[partner] - X[base])
'''),
        Variant("lam_per_feature", "특성마다 다른 λ (선분이 아니라 상자 안의 점)", '''
def smote(X_min, n_new, k=5, random_state=None):
    X = np.asarray(X_min, dtype=float)
    if k >= len(X):
        raise ValueError("k는 샘플 수보다 작아야 합니다")
    d = np.sqrt(((X[:, None] - X[None]) ** 2).sum(-1))
    np.fill_diagonal(d, np.inf)
    neighbours = np.argsort(d, axis=1)[:, :k]
    rng = np.random.default_rng(random_state)
    base = rng.integers(0, len(X), n_new)
    partner = neighbours[base, rng.integers(0, k, n_new)]
    return X[base] + rng.random((n_new, X.shape[1])) * (X[partner] - X[base])
'''),
        Variant("farthest_neighbours", "argsort를 거꾸로 읽어 가장 먼 k개를 씀", '''
def smote(X_min, n_new, k=5, random_state=None):
    X = np.asarray(X_min, dtype=float)
    if k >= len(X):
        raise ValueError("k는 샘플 수보다 작아야 합니다")
    d = np.sqrt(((X[:, None] - X[None]) ** 2).sum(-1))
    neighbours = np.argsort(-d, axis=1)[:, :k]
    rng = np.random.default_rng(random_state)
    base = rng.integers(0, len(X), n_new)
    partner = neighbours[base, rng.integers(0, k, n_new)]
    return X[base] + rng.random(n_new)[:, None] * (X[partner] - X[base])
'''),
        Variant("manhattan_distance", "유클리드 대신 맨해튼 거리로 이웃을 찾음", '''
def smote(X_min, n_new, k=5, random_state=None):
    X = np.asarray(X_min, dtype=float)
    if k >= len(X):
        raise ValueError("k는 샘플 수보다 작아야 합니다")
    d = np.abs(X[:, None] - X[None]).sum(-1)
    np.fill_diagonal(d, np.inf)
    neighbours = np.argsort(d, axis=1)[:, :k]
    rng = np.random.default_rng(random_state)
    base = rng.integers(0, len(X), n_new)
    partner = neighbours[base, rng.integers(0, k, n_new)]
    return X[base] + rng.random(n_new)[:, None] * (X[partner] - X[base])
'''),
        Variant("ignores_k", "k를 무시하고 항상 5개 이웃", '''
def smote(X_min, n_new, k=5, random_state=None):
    X = np.asarray(X_min, dtype=float)
    if k >= len(X):
        raise ValueError("k는 샘플 수보다 작아야 합니다")
    d = np.sqrt(((X[:, None] - X[None]) ** 2).sum(-1))
    np.fill_diagonal(d, np.inf)
    neighbours = np.argsort(d, axis=1)[:, :min(5, len(X) - 1)]
    rng = np.random.default_rng(random_state)
    base = rng.integers(0, len(X), n_new)
    partner = neighbours[base, rng.integers(0, neighbours.shape[1], n_new)]
    return X[base] + rng.random(n_new)[:, None] * (X[partner] - X[base])
'''),
        Variant("nearest_only", "k를 무시하고 가장 가까운 이웃 하나만 씀", '''
def smote(X_min, n_new, k=5, random_state=None):
    X = np.asarray(X_min, dtype=float)
    if k >= len(X):
        raise ValueError("k는 샘플 수보다 작아야 합니다")
    d = np.sqrt(((X[:, None] - X[None]) ** 2).sum(-1))
    np.fill_diagonal(d, np.inf)
    nearest = d.argmin(axis=1)
    rng = np.random.default_rng(random_state)
    base = rng.integers(0, len(X), n_new)
    return X[base] + rng.random(n_new)[:, None] * (X[nearest[base]] - X[base])
'''),
        Variant("ignores_random_state", "random_state를 난수 생성기에 전달하지 않음", '''
def smote(X_min, n_new, k=5, random_state=None):
    X = np.asarray(X_min, dtype=float)
    if k >= len(X):
        raise ValueError("k는 샘플 수보다 작아야 합니다")
    d = np.sqrt(((X[:, None] - X[None]) ** 2).sum(-1))
    np.fill_diagonal(d, np.inf)
    neighbours = np.argsort(d, axis=1)[:, :k]
    rng = np.random.default_rng()
    base = rng.integers(0, len(X), n_new)
    partner = neighbours[base, rng.integers(0, k, n_new)]
    return X[base] + rng.random(n_new)[:, None] * (X[partner] - X[base])
'''),
        Variant("random_oversampling", "합성 대신 소수 클래스 샘플을 복제", '''
def smote(X_min, n_new, k=5, random_state=None):
    X = np.asarray(X_min, dtype=float)
    if k >= len(X):
        raise ValueError("k는 샘플 수보다 작아야 합니다")
    rng = np.random.default_rng(random_state)
    return X[rng.integers(0, len(X), n_new)].copy()
'''),
        Variant("shuffles_input_in_place", "X_min을 제자리에서 섞음 (입력 변경)", '''
def smote(X_min, n_new, k=5, random_state=None):
    X = np.asarray(X_min, dtype=float)
    if k >= len(X):
        raise ValueError("k는 샘플 수보다 작아야 합니다")
    rng = np.random.default_rng(random_state)
    rng.shuffle(X)                                     # float 입력이면 X는 X_min 그 자체
    d = np.sqrt(((X[:, None] - X[None]) ** 2).sum(-1))
    np.fill_diagonal(d, np.inf)
    neighbours = np.argsort(d, axis=1)[:, :k]
    base = rng.integers(0, len(X), n_new)
    partner = neighbours[base, rng.integers(0, k, n_new)]
    return X[base] + rng.random(n_new)[:, None] * (X[partner] - X[base])
'''),
        Variant("no_korean_error", "k를 검사하지 않고 scikit-learn의 영어 오류에 맡김", '''
from sklearn.neighbors import NearestNeighbors

def smote(X_min, n_new, k=5, random_state=None):
    X = np.asarray(X_min, dtype=float)
    _, idx = NearestNeighbors(n_neighbors=k + 1).fit(X).kneighbors(X)
    rng = np.random.default_rng(random_state)
    base = rng.integers(0, len(X), n_new)
    partner = idx[base, rng.integers(1, k + 1, n_new)]
    return X[base] + rng.random(n_new)[:, None] * (X[partner] - X[base])
'''),
    ],
    "ex4_make_smote_pipeline": [
        Variant("sklearn_pipeline", "scikit-learn의 make_pipeline (샘플러를 다루지 못함)", '''
from imblearn.over_sampling import SMOTE
from sklearn.pipeline import make_pipeline

def make_smote_pipeline(classifier, k_neighbors=5, random_state=0):
    return make_pipeline(SMOTE(k_neighbors=k_neighbors, random_state=random_state), classifier)
'''),
        Variant("default_smote_params", "SMOTE()에 k_neighbors, random_state를 넘기지 않음", '''
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import make_pipeline

def make_smote_pipeline(classifier, k_neighbors=5, random_state=0):
    return make_pipeline(SMOTE(), classifier)
'''),
        Variant("hardcoded_classifier", "인자 대신 LogisticRegression()을 씀", '''
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import make_pipeline
from sklearn.linear_model import LogisticRegression

def make_smote_pipeline(classifier, k_neighbors=5, random_state=0):
    return make_pipeline(SMOTE(k_neighbors=k_neighbors, random_state=random_state), LogisticRegression())
'''),
        Variant("reversed_steps", "분류기를 먼저, SMOTE를 나중에", '''
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline

def make_smote_pipeline(classifier, k_neighbors=5, random_state=0):
    return Pipeline([("model", classifier), ("smote", SMOTE(k_neighbors=k_neighbors, random_state=random_state))])
'''),
        Variant("extra_scaler_step", "StandardScaler를 더해 세 단계", '''
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

def make_smote_pipeline(classifier, k_neighbors=5, random_state=0):
    return make_pipeline(StandardScaler(), SMOTE(k_neighbors=k_neighbors, random_state=random_state), classifier)
'''),
        Variant("random_oversampler", "SMOTE 대신 RandomOverSampler (복제)", '''
from imblearn.over_sampling import RandomOverSampler
from imblearn.pipeline import make_pipeline

def make_smote_pipeline(classifier, k_neighbors=5, random_state=0):
    return make_pipeline(RandomOverSampler(random_state=random_state), classifier)
'''),
    ],
    "ex5_cv_scores_with_smote": [
        Variant("smote_before_split", "분할 전에 전체 데이터를 SMOTE로 늘린 뒤 교차 검증 (누수)", '''
from imblearn.over_sampling import SMOTE
from sklearn.base import clone
from sklearn.metrics import f1_score, precision_score, recall_score

def cv_scores_with_smote(X, y, classifier, cv):
    X, y = np.asarray(X), np.asarray(y)
    labels, counts = np.unique(y, return_counts=True)
    minority = labels[np.argmin(counts)]
    X_res, y_res = SMOTE(random_state=0).fit_resample(X, y)
    scores = {"recall": [], "precision": [], "f1": []}
    for tr, te in cv.split(X_res, y_res):
        pred = clone(classifier).fit(X_res[tr], y_res[tr]).predict(X_res[te])
        for name, score in (("recall", recall_score), ("precision", precision_score), ("f1", f1_score)):
            scores[name].append(score(y_res[te], pred, pos_label=minority, zero_division=0))
    return {name: float(np.mean(v)) for name, v in scores.items()}
'''),
        Variant("no_smote", "SMOTE 없이 분류기만 학습", '''
from sklearn.base import clone
from sklearn.metrics import f1_score, precision_score, recall_score

def cv_scores_with_smote(X, y, classifier, cv):
    X, y = np.asarray(X), np.asarray(y)
    labels, counts = np.unique(y, return_counts=True)
    minority = labels[np.argmin(counts)]
    scores = {"recall": [], "precision": [], "f1": []}
    for tr, te in cv.split(X, y):
        pred = clone(classifier).fit(X[tr], y[tr]).predict(X[te])
        for name, score in (("recall", recall_score), ("precision", precision_score), ("f1", f1_score)):
            scores[name].append(score(y[te], pred, pos_label=minority, zero_division=0))
    return {name: float(np.mean(v)) for name, v in scores.items()}
'''),
        Variant("default_pos_label", "pos_label을 지정하지 않음 (레이블 1이 양성)", '''
from sklearn.model_selection import cross_validate

def cv_scores_with_smote(X, y, classifier, cv):
    result = cross_validate(make_smote_pipeline(classifier), X, y, cv=cv,
                            scoring=["recall", "precision", "f1"])
    return {name: float(result[f"test_{name}"].mean()) for name in ("recall", "precision", "f1")}
'''),
        Variant("minority_per_training_fold", "소수 클래스를 전체 y가 아니라 폴드의 훈련 부분에서 고름", '''
from sklearn.base import clone
from sklearn.metrics import f1_score, precision_score, recall_score

def cv_scores_with_smote(X, y, classifier, cv):
    X, y = np.asarray(X), np.asarray(y)
    scores = {"recall": [], "precision": [], "f1": []}
    for tr, te in cv.split(X, y):
        labels, counts = np.unique(y[tr], return_counts=True)
        minority = labels[np.argmin(counts)]
        pred = make_smote_pipeline(clone(classifier)).fit(X[tr], y[tr]).predict(X[te])
        for name, score in (("recall", recall_score), ("precision", precision_score), ("f1", f1_score)):
            scores[name].append(score(y[te], pred, pos_label=minority, zero_division=0))
    return {name: float(np.mean(v)) for name, v in scores.items()}
'''),
        Variant("pooled_predictions", "cross_val_predict로 모은 예측에서 점수 한 번 (폴드 평균 아님)", '''
from sklearn.metrics import f1_score, precision_score, recall_score
from sklearn.model_selection import cross_val_predict

def cv_scores_with_smote(X, y, classifier, cv):
    X, y = np.asarray(X), np.asarray(y)
    labels, counts = np.unique(y, return_counts=True)
    minority = labels[np.argmin(counts)]
    pred = cross_val_predict(make_smote_pipeline(classifier), X, y, cv=cv)
    return {name: float(score(y, pred, pos_label=minority, zero_division=0))
            for name, score in (("recall", recall_score), ("precision", precision_score), ("f1", f1_score))}
'''),
        Variant("resamples_test_fold_too", "검증 부분에도 SMOTE를 적용해 평가", '''
from imblearn.over_sampling import SMOTE
from sklearn.base import clone
from sklearn.metrics import f1_score, precision_score, recall_score

def cv_scores_with_smote(X, y, classifier, cv):
    X, y = np.asarray(X), np.asarray(y)
    labels, counts = np.unique(y, return_counts=True)
    minority = labels[np.argmin(counts)]
    scores = {"recall": [], "precision": [], "f1": []}
    for tr, te in cv.split(X, y):
        model = make_smote_pipeline(clone(classifier)).fit(X[tr], y[tr])
        try:
            X_te, y_te = SMOTE(k_neighbors=2, random_state=0).fit_resample(X[te], y[te])
        except ValueError:
            X_te, y_te = X[te], y[te]
        pred = model.predict(X_te)
        for name, score in (("recall", recall_score), ("precision", precision_score), ("f1", f1_score)):
            scores[name].append(score(y_te, pred, pos_label=minority, zero_division=0))
    return {name: float(np.mean(v)) for name, v in scores.items()}
'''),
        Variant("neighbours_from_majority", "직접 만든 오버샘플링이 이웃을 훈련 폴드 전체(다수 클래스 포함)에서 찾음", '''
from sklearn.base import clone
from sklearn.metrics import f1_score, precision_score, recall_score
from sklearn.neighbors import NearestNeighbors

def cv_scores_with_smote(X, y, classifier, cv):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    labels, counts = np.unique(y, return_counts=True)
    minority = labels[np.argmin(counts)]
    rng = np.random.default_rng(0)
    scores = {"recall": [], "precision": [], "f1": []}
    for tr, te in cv.split(X, y):
        X_tr, y_tr = X[tr], y[tr]
        n_new = int((y_tr != minority).sum() - (y_tr == minority).sum())
        base = rng.choice(np.flatnonzero(y_tr == minority), n_new)
        _, idx = NearestNeighbors(n_neighbors=6).fit(X_tr).kneighbors(X_tr[base])
        partner = X_tr[idx[np.arange(n_new), rng.integers(1, 6, n_new)]]
        new = X_tr[base] + rng.random((n_new, 1)) * (partner - X_tr[base])
        model = clone(classifier).fit(np.r_[X_tr, new], np.r_[y_tr, np.full(n_new, minority)])
        pred = model.predict(X[te])
        for name, score in (("recall", recall_score), ("precision", precision_score), ("f1", f1_score)):
            scores[name].append(score(y[te], pred, pos_label=minority, zero_division=0))
    return {name: float(np.mean(v)) for name, v in scores.items()}
'''),
        Variant("zero_division_one", "양성 예측이 없는 폴드의 정밀도를 1로 셈 (zero_division=1)", '''
from sklearn.base import clone
from sklearn.metrics import f1_score, precision_score, recall_score

def cv_scores_with_smote(X, y, classifier, cv):
    X, y = np.asarray(X), np.asarray(y)
    labels, counts = np.unique(y, return_counts=True)
    minority = labels[np.argmin(counts)]
    scores = {"recall": [], "precision": [], "f1": []}
    for tr, te in cv.split(X, y):
        pred = make_smote_pipeline(clone(classifier)).fit(X[tr], y[tr]).predict(X[te])
        for name, score in (("recall", recall_score), ("precision", precision_score), ("f1", f1_score)):
            scores[name].append(score(y[te], pred, pos_label=minority, zero_division=1))
    return {name: float(np.mean(v)) for name, v in scores.items()}
'''),
        Variant("nan_for_empty_predictions", "정밀도를 tp / (tp + fp)로 직접 계산: 양성 예측이 없으면 NaN", '''
from sklearn.base import clone

def cv_scores_with_smote(X, y, classifier, cv):
    X, y = np.asarray(X), np.asarray(y)
    labels, counts = np.unique(y, return_counts=True)
    minority = labels[np.argmin(counts)]
    scores = {"recall": [], "precision": [], "f1": []}
    for tr, te in cv.split(X, y):
        pred = make_smote_pipeline(clone(classifier)).fit(X[tr], y[tr]).predict(X[te])
        tp = np.sum((pred == minority) & (y[te] == minority))
        fp = np.sum((pred == minority) & (y[te] != minority))
        fn = np.sum((pred != minority) & (y[te] == minority))
        with np.errstate(divide="ignore", invalid="ignore"):
            precision, recall = np.float64(tp) / (tp + fp), np.float64(tp) / (tp + fn)
            f1 = 2 * precision * recall / (precision + recall)
        scores["recall"].append(recall)
        scores["precision"].append(precision)
        scores["f1"].append(f1)
    return {name: float(np.mean(v)) for name, v in scores.items()}
'''),
        Variant("undefined_metric_warning", "zero_division을 주지 않아 양성 예측이 없을 때 경고가 남", '''
from sklearn.base import clone
from sklearn.metrics import f1_score, precision_score, recall_score

def cv_scores_with_smote(X, y, classifier, cv):
    X, y = np.asarray(X), np.asarray(y)
    labels, counts = np.unique(y, return_counts=True)
    minority = labels[np.argmin(counts)]
    scores = {"recall": [], "precision": [], "f1": []}
    for tr, te in cv.split(X, y):
        pred = make_smote_pipeline(clone(classifier)).fit(X[tr], y[tr]).predict(X[te])
        for name, score in (("recall", recall_score), ("precision", precision_score), ("f1", f1_score)):
            scores[name].append(score(y[te], pred, pos_label=minority))
    return {name: float(np.mean(v)) for name, v in scores.items()}
'''),
        Variant("non_default_k_neighbors", "make_smote_pipeline에 k_neighbors=3을 넘김 (기본값이 아님)", '''
from sklearn.base import clone
from sklearn.metrics import f1_score, precision_score, recall_score

def cv_scores_with_smote(X, y, classifier, cv):
    X, y = np.asarray(X), np.asarray(y)
    labels, counts = np.unique(y, return_counts=True)
    minority = labels[np.argmin(counts)]
    scores = {"recall": [], "precision": [], "f1": []}
    for tr, te in cv.split(X, y):
        pred = make_smote_pipeline(clone(classifier), k_neighbors=3).fit(X[tr], y[tr]).predict(X[te])
        for name, score in (("recall", recall_score), ("precision", precision_score), ("f1", f1_score)):
            scores[name].append(score(y[te], pred, pos_label=minority, zero_division=0))
    return {name: float(np.mean(v)) for name, v in scores.items()}
'''),
    ],
    "ex6_majority_baseline": [
        Variant("predicts_minority", "소수 클래스 비율을 정확도로 반환", '''
def majority_baseline(y):
    counts = pd.Series(np.asarray(y)).value_counts()
    return float(counts.min() / counts.sum()), 0.0
'''),
        Variant("majority_recall", "다수 클래스의 재현율(1.0)을 반환", '''
def majority_baseline(y):
    counts = pd.Series(np.asarray(y)).value_counts()
    return float(counts.max() / counts.sum()), 1.0
'''),
        Variant("label_zero_is_majority", "레이블 0을 다수 클래스로 가정", '''
def majority_baseline(y):
    y = np.asarray(y)
    return float(np.mean(y == 0)), 0.0
'''),
        Variant("largest_label_is_majority", "가장 큰 레이블을 다수 클래스로 씀 (개수가 아니라 값)", '''
def majority_baseline(y):
    y = np.asarray(y)
    return float(np.mean(y == max(y))), 0.0
'''),
        Variant("returns_list", "튜플 대신 리스트 반환", '''
def majority_baseline(y):
    counts = pd.Series(np.asarray(y)).value_counts()
    return [float(counts.max() / counts.sum()), 0.0]
'''),
        Variant("percent", "정확도를 백분율(0~100)로 반환", '''
def majority_baseline(y):
    counts = pd.Series(np.asarray(y)).value_counts()
    return float(100 * counts.max() / counts.sum()), 0.0
'''),
    ],
}

ALTERNATIVES = {
    "ex1_imbalance_ratio": [
        Variant("np_unique", "np.unique(return_counts=True)", '''
def imbalance_ratio(y):
    _, counts = np.unique(np.asarray(y), return_counts=True)
    return counts.max() / counts.min()
'''),
        Variant("counter", "collections.Counter와 파이썬 나눗셈", '''
from collections import Counter

def imbalance_ratio(y):
    counts = Counter(list(y)).values()
    return max(counts) / min(counts)
'''),
    ],
    "ex2_smote_interpolate": [
        Variant("row_loop", "λ마다 반복문으로 행을 만들고 np.vstack", '''
def smote_interpolate(x_i, x_nn, lam):
    x_i = np.array(x_i, dtype=float)
    step = np.array(x_nn, dtype=float) - x_i
    if np.ndim(lam) == 0:
        return x_i + float(lam) * step
    return np.vstack([x_i + float(l) * step for l in lam])
'''),
        Variant("multiply_outer", "np.multiply.outer와 (1 - λ)·x_i + λ·x_nn 형태", '''
def smote_interpolate(x_i, x_nn, lam):
    x_i, x_nn = np.asarray(x_i, dtype=float), np.asarray(x_nn, dtype=float)
    return np.multiply.outer(1 - np.asarray(lam, float), x_i) + np.multiply.outer(np.asarray(lam, float), x_nn)
'''),
    ],
    "ex3_smote": [
        Variant("sklearn_nearest_neighbors", "NearestNeighbors(k+1) 후 첫 열(자기 자신) 제거, 행마다 반복", '''
from sklearn.neighbors import NearestNeighbors

def smote(X_min, n_new, k=5, random_state=None):
    X = np.array(X_min, dtype=float)
    if k >= len(X):
        raise ValueError("이웃 수 k는 소수 클래스 샘플 수보다 작아야 합니다.")
    _, idx = NearestNeighbors(n_neighbors=k + 1).fit(X).kneighbors(X)
    rng = np.random.default_rng(random_state)
    rows = []
    for _ in range(n_new):
        i = rng.integers(len(X))
        j = idx[i, 1 + rng.integers(k)]
        rows.append(X[i] + rng.random() * (X[j] - X[i]))
    return np.array(rows, dtype=float).reshape(n_new, X.shape[1])
'''),
        Variant("legacy_random_state", "np.random.RandomState와 scipy cdist", '''
from scipy.spatial.distance import cdist

def smote(X_min, n_new, k=5, random_state=None):
    X = np.asarray(X_min).astype(float)
    n = X.shape[0]
    if not k < n:
        raise ValueError("k가 너무 큽니다: k는 len(X_min)보다 작아야 합니다.")
    d = cdist(X, X)
    d[np.arange(n), np.arange(n)] = np.inf
    neighbours = np.argpartition(d, k - 1, axis=1)[:, :k] if k < n - 1 else np.argsort(d, axis=1)[:, :k]
    rs = np.random.RandomState(random_state)
    lam = rs.uniform(0.0, 1.0, size=(n_new, 1))
    base = rs.randint(n, size=n_new)
    partner = neighbours[base, rs.randint(k, size=n_new)]
    return X[base] + lam * (X[partner] - X[base])
'''),
    ],
    "ex4_make_smote_pipeline": [
        Variant("imblearn_make_pipeline", "imblearn.pipeline.make_pipeline, 분류기를 clone", '''
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import make_pipeline
from sklearn.base import clone

def make_smote_pipeline(classifier, k_neighbors=5, random_state=0):
    return make_pipeline(SMOTE(random_state=random_state, k_neighbors=k_neighbors), clone(classifier))
'''),
        Variant("named_steps_module_import", "모듈을 통째로 가져와 Pipeline 생성", '''
import imblearn.pipeline
import imblearn.over_sampling

def make_smote_pipeline(classifier, k_neighbors=5, random_state=0):
    sampler = imblearn.over_sampling.SMOTE(k_neighbors=k_neighbors, random_state=random_state)
    return imblearn.pipeline.Pipeline(steps=[("oversample", sampler), ("clf", classifier)])
'''),
    ],
    "ex5_cv_scores_with_smote": [
        Variant("cross_validate_scorers", "cross_validate + make_scorer(pos_label, zero_division=0)", '''
from sklearn.metrics import f1_score, make_scorer, precision_score, recall_score
from sklearn.model_selection import cross_validate

def cv_scores_with_smote(X, y, classifier, cv):
    minority = pd.Series(np.asarray(y)).value_counts().idxmin()
    scoring = {"recall": make_scorer(recall_score, pos_label=minority, zero_division=0),
               "precision": make_scorer(precision_score, pos_label=minority, zero_division=0),
               "f1": make_scorer(f1_score, pos_label=minority, zero_division=0)}
    result = cross_validate(make_smote_pipeline(classifier), X, y, cv=cv, scoring=scoring)
    return {name: result[f"test_{name}"].mean() for name in scoring}
'''),
        Variant("manual_counts", "폴드마다 혼동 행렬을 직접 세고 0으로 나누기를 피함", '''
def cv_scores_with_smote(X, y, classifier, cv):
    X, y = np.asarray(X), np.asarray(y)
    values, counts = np.unique(y, return_counts=True)
    pos = values[counts.argmin()]
    per_fold = []
    for train_idx, test_idx in cv.split(X, y):
        pipe = make_smote_pipeline(classifier)
        pipe.fit(X[train_idx], y[train_idx])
        pred, truth = pipe.predict(X[test_idx]) == pos, y[test_idx] == pos
        tp, fp, fn = int((pred & truth).sum()), int((pred & ~truth).sum()), int((~pred & truth).sum())
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per_fold.append((r, p, f))
    r, p, f = (sum(column) / len(per_fold) for column in zip(*per_fold))
    return {"recall": r, "precision": p, "f1": f}
'''),
    ],
    "ex6_majority_baseline": [
        Variant("dummy_classifier", "DummyClassifier + accuracy_score + recall_score", '''
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score, recall_score

def majority_baseline(y):
    y = np.asarray(y)
    X = np.zeros((len(y), 1))
    y_pred = DummyClassifier(strategy="most_frequent").fit(X, y).predict(X)
    labels, counts = np.unique(y, return_counts=True)
    minority = labels[np.argmin(counts)]
    return accuracy_score(y, y_pred), recall_score(y, y_pred, pos_label=minority, zero_division=0)
'''),
        Variant("counter", "Counter.most_common", '''
from collections import Counter

def majority_baseline(y):
    (majority, n_major), = Counter(list(y)).most_common(1)
    return (n_major / len(y), 0.0)
'''),
    ],
    "q1_answer": [Variant("string_to_int", "int()로 변환", 'q1_answer = int("2")')],
    "q2_answer": [Variant("numpy_int", "numpy 정수", "q2_answer = np.int64(4)")],
    "q3_answer": [Variant("expression", "식으로 입력", "q3_answer = 3 - 2")],
    "q4_answer": [Variant("with_comment", "주석과 함께", "q4_answer = 3  # 훈련 폴드에만")],
    "q5_answer": [Variant("int_of_float", "int(3.0)", "q5_answer = int(3.0)")],
}

MUTANTS.update({
    "q1_answer": [Variant("copies", "무작위 오버샘플링(복제)과 혼동", "q1_answer = 1"),
                  Variant("majority_midpoint", "다수 클래스 이웃을 쓴다고 오해", "q1_answer = 3")],
    "q2_answer": [Variant("noise_is_fine", "노이즈 문제가 한계가 아니라고 오해", "q2_answer = 1"),
                  Variant("high_dim_is_fine", "고차원 문제가 한계가 아니라고 오해", "q2_answer = 3")],
    "q3_answer": [Variant("accuracy_is_enough", "정확도의 역설을 놓침", "q3_answer = 2"),
                  Variant("precision_99", "정밀도와 정확도를 혼동", "q3_answer = 3")],
    "q4_answer": [Variant("before_split", "분할 전 오버샘플링 (누수)", "q4_answer = 1"),
                  Variant("test_part_only", "검증 부분만 리샘플링", "q4_answer = 2"),
                  Variant("both_parts", "검증 부분까지 리샘플링", "q4_answer = 4")],
    "q5_answer": [Variant("f_half", "β < 1이 재현율을 중시한다고 오해", "q5_answer = 2"),
                  Variant("string_answer", "번호를 문자열로 입력", 'q5_answer = "3"')],
})
