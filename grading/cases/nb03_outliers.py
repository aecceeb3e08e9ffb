"""Mutants and alternatives for 03_outliers.

Every mutant must lose all points of its exercise; every alternative must keep them.
"""
from . import Variant

# No solution calls another exercise's function (clip_to_fences computes its own fences).
DEPENDS: dict[str, list[str]] = {}

MUTANTS = {
    "ex1_zscore_outliers": [
        Variant("sample_std_ddof1", "pandas 기본 std() (ddof=1, 표본 표준편차) 사용", '''
def zscore_outliers(s, threshold=3.0):
    z = (s - s.mean()) / s.std()
    return z.abs() > threshold
'''),
        Variant("greater_equal", "경계값 포함 (>= threshold)", '''
def zscore_outliers(s, threshold=3.0):
    values = s.dropna()
    std = values.std(ddof=0)
    if std == 0:
        return pd.Series(False, index=s.index, name=s.name)
    return ((s - values.mean()) / std).abs() >= threshold
'''),
        Variant("nan_flagged", "~(|z| <= threshold)로 써서 NaN이 True가 됨", '''
def zscore_outliers(s, threshold=3.0):
    z = (s - s.mean()) / s.std(ddof=0)
    return ~(z.abs() <= threshold)
'''),
        Variant("nan_as_zero", "결측치를 0으로 채운 뒤 평균·표준편차 계산", '''
def zscore_outliers(s, threshold=3.0):
    filled = s.fillna(0)
    z = (filled - filled.mean()) / filled.std(ddof=0)
    return (z.abs() > threshold) & s.notna()
'''),
        Variant("scipy_on_dropna_index_lost", "scipy.stats.zscore(s.dropna())를 새 Series로: 인덱스·길이가 바뀜", '''
from scipy import stats

def zscore_outliers(s, threshold=3.0):
    return pd.Series(np.abs(stats.zscore(s.dropna())) > threshold, name=s.name)
'''),
        Variant("name_dropped", "값은 맞지만 이름(name)을 잃음", '''
def zscore_outliers(s, threshold=3.0):
    values = s.dropna()
    std = values.std(ddof=0)
    if std == 0:
        return pd.Series(False, index=s.index)
    return pd.Series((((s - values.mean()) / std).abs() > threshold).to_numpy(), index=s.index)
'''),
        Variant("threshold_ignored", "threshold 인자를 무시하고 3으로 고정", '''
def zscore_outliers(s, threshold=3.0):
    values = s.dropna()
    std = values.std(ddof=0)
    if std == 0:
        return pd.Series(False, index=s.index, name=s.name)
    return ((s - values.mean()) / std).abs() > 3
'''),
    ],
    "ex2_iqr_outliers": [
        Variant("greater_equal_fences", "울타리 위의 값도 이상치로 (<=, >=)", '''
def iqr_outliers(s, k=1.5):
    q1, q3 = s.quantile(0.25), s.quantile(0.75)
    iqr = q3 - q1
    return (s <= q1 - k * iqr) | (s >= q3 + k * iqr)
'''),
        Variant("numpy_midpoint", "np.nanpercentile(method='midpoint'): 다른 사분위수 정의", '''
def iqr_outliers(s, k=1.5):
    q1, q3 = np.nanpercentile(s, [25, 75], method="midpoint")
    iqr = q3 - q1
    return (s < q1 - k * iqr) | (s > q3 + k * iqr)
'''),
        Variant("numpy_weibull", "np.nanquantile(method='weibull'): SPSS/Minitab식 사분위수", '''
def iqr_outliers(s, k=1.5):
    q1, q3 = np.nanquantile(s.to_numpy(dtype=float), [0.25, 0.75], method="weibull")
    iqr = q3 - q1
    return (s < q1 - k * iqr) | (s > q3 + k * iqr)
'''),
        Variant("numpy_hazen", "np.nanquantile(method='hazen'): 다른 사분위수 정의", '''
def iqr_outliers(s, k=1.5):
    q1, q3 = np.nanquantile(s.to_numpy(dtype=float), [0.25, 0.75], method="hazen")
    iqr = q3 - q1
    return (s < q1 - k * iqr) | (s > q3 + k * iqr)
'''),
        Variant("numpy_nearest", "np.nanquantile(method='nearest'): 보간 없이 가까운 관측값", '''
def iqr_outliers(s, k=1.5):
    q1, q3 = np.nanquantile(s.to_numpy(dtype=float), [0.25, 0.75], method="nearest")
    iqr = q3 - q1
    return (s < q1 - k * iqr) | (s > q3 + k * iqr)
'''),
        Variant("between_marks_nan", "~s.between(...): NaN이 True가 됨", '''
def iqr_outliers(s, k=1.5):
    q1, q3 = s.quantile(0.25), s.quantile(0.75)
    iqr = q3 - q1
    return ~s.between(q1 - k * iqr, q3 + k * iqr)
'''),
        Variant("np_percentile_with_nan", "np.percentile에 NaN을 그대로 넣어 울타리가 NaN", '''
def iqr_outliers(s, k=1.5):
    q1, q3 = np.percentile(s, [25, 75])
    iqr = q3 - q1
    return (s < q1 - k * iqr) | (s > q3 + k * iqr)
'''),
        Variant("k_ignored", "k 인자를 무시하고 1.5로 고정", '''
def iqr_outliers(s, k=1.5):
    q1, q3 = s.quantile(0.25), s.quantile(0.75)
    iqr = q3 - q1
    return (s < q1 - 1.5 * iqr) | (s > q3 + 1.5 * iqr)
'''),
        Variant("upper_side_only", "위 울타리만 확인", '''
def iqr_outliers(s, k=1.5):
    q1, q3 = s.quantile(0.25), s.quantile(0.75)
    return s > q3 + k * (q3 - q1)
'''),
    ],
    "ex3_mad_outliers": [
        Variant("mean_center", "중앙값 대신 평균을 중심으로 씀", '''
def mad_outliers(s, threshold=3.5):
    mean = s.mean()
    mad = (s - mean).abs().median()
    if mad == 0:
        return s.notna() & (s != mean)
    return (0.6745 * (s - mean) / mad).abs() > threshold
'''),
        Variant("no_constant", "0.6745를 빠뜨림", '''
def mad_outliers(s, threshold=3.5):
    median = s.median()
    mad = (s - median).abs().median()
    if mad == 0:
        return s.notna() & (s != median)
    return ((s - median) / mad).abs() > threshold
'''),
        Variant("scipy_scale_normal_twice", "median_abs_deviation(scale='normal')에 0.6745를 또 곱함", '''
from scipy.stats import median_abs_deviation

def mad_outliers(s, threshold=3.5):
    median = s.median()
    mad = median_abs_deviation(s, scale="normal", nan_policy="omit")
    if mad == 0:
        return s.notna() & (s != median)
    return (0.6745 * (s - median) / mad).abs() > threshold
'''),
        Variant("greater_equal", "경계값 포함 (>= threshold)", '''
def mad_outliers(s, threshold=3.5):
    median = s.median()
    mad = (s - median).abs().median()
    if mad == 0:
        return s.notna() & (s != median)
    return (0.6745 * (s - median) / mad).abs() >= threshold
'''),
        Variant("mad_zero_flags_nothing", "MAD가 0이면 아무것도 표시하지 않음 (Z-점수의 std 0 규칙을 따라 함)", '''
def mad_outliers(s, threshold=3.5):
    median = s.median()
    mad = (s - median).abs().median()
    if mad == 0:
        return pd.Series(False, index=s.index, name=s.name)
    return (0.6745 * (s - median) / mad).abs() > threshold
'''),
        Variant("numpy_median_with_nan", "np.median에 NaN을 그대로 넣어 중앙값이 NaN", '''
def mad_outliers(s, threshold=3.5):
    median = np.median(s.to_numpy())
    mad = np.median(np.abs(s.to_numpy() - median))
    with np.errstate(divide="ignore", invalid="ignore"):
        m = 0.6745 * (s - median) / mad
    return m.abs() > threshold
'''),
        Variant("std_instead_of_mad", "MAD 대신 표준편차로 나눔", '''
def mad_outliers(s, threshold=3.5):
    median = s.median()
    std = s.std(ddof=0)
    if std == 0:
        return s.notna() & (s != median)
    return (0.6745 * (s - median) / std).abs() > threshold
'''),
    ],
    "ex4_kmeans_outliers": [
        Variant("global_mean_distance", "군집 중심이 아니라 전체 평균에서의 거리로 상위 n행", '''
from sklearn.cluster import KMeans

def kmeans_outliers(X, n_clusters, contamination, random_state=0):
    values = np.asarray(X, dtype=float)
    KMeans(n_clusters=n_clusters, n_init=10, random_state=random_state).fit(values)
    distance = np.linalg.norm(values - values.mean(axis=0), axis=1)
    flags = np.zeros(len(values), dtype=bool)
    flags[np.argsort(-distance, kind="stable")[:math.ceil(contamination * len(values))]] = True
    return flags
'''),
        Variant("rounded_count", "부동소수점을 '고쳐' round(contamination * n, 6) 후 ceil", '''
from sklearn.cluster import KMeans

def kmeans_outliers(X, n_clusters, contamination, random_state=0):
    values = np.asarray(X, dtype=float)
    model = KMeans(n_clusters=n_clusters, n_init=10, random_state=random_state).fit(values)
    distance = np.linalg.norm(values - model.cluster_centers_[model.labels_], axis=1)
    flags = np.zeros(len(values), dtype=bool)
    flags[np.argsort(-distance, kind="stable")[:math.ceil(round(contamination * len(values), 6))]] = True
    return flags
'''),
        Variant("floor_count", "int(contamination * n): 내림", '''
from sklearn.cluster import KMeans

def kmeans_outliers(X, n_clusters, contamination, random_state=0):
    values = np.asarray(X, dtype=float)
    model = KMeans(n_clusters=n_clusters, n_init=10, random_state=random_state).fit(values)
    distance = np.linalg.norm(values - model.cluster_centers_[model.labels_], axis=1)
    flags = np.zeros(len(values), dtype=bool)
    flags[np.argsort(-distance, kind="stable")[:int(contamination * len(values))]] = True
    return flags
'''),
        Variant("ties_to_later_row", "np.argsort(distance)[::-1]: 같은 거리에서 뒤쪽 행이 먼저", '''
from sklearn.cluster import KMeans

def kmeans_outliers(X, n_clusters, contamination, random_state=0):
    values = np.asarray(X, dtype=float)
    model = KMeans(n_clusters=n_clusters, n_init=10, random_state=random_state).fit(values)
    distance = np.linalg.norm(values - model.cluster_centers_[model.labels_], axis=1)
    flags = np.zeros(len(values), dtype=bool)
    flags[np.argsort(distance, kind="stable")[::-1][:math.ceil(contamination * len(values))]] = True
    return flags
'''),
        Variant("quantile_threshold", "거리의 (1 - contamination) 분위수보다 큰 행: 개수가 ceil과 다름", '''
from sklearn.cluster import KMeans

def kmeans_outliers(X, n_clusters, contamination, random_state=0):
    values = np.asarray(X, dtype=float)
    model = KMeans(n_clusters=n_clusters, n_init=10, random_state=random_state).fit(values)
    distance = np.linalg.norm(values - model.cluster_centers_[model.labels_], axis=1)
    return distance > np.quantile(distance, 1 - contamination)
'''),
        Variant("random_state_ignored", "random_state 인자를 무시하고 0으로 고정", '''
from sklearn.cluster import KMeans

def kmeans_outliers(X, n_clusters, contamination, random_state=0):
    values = np.asarray(X, dtype=float)
    model = KMeans(n_clusters=n_clusters, n_init=10, random_state=0).fit(values)
    distance = np.linalg.norm(values - model.cluster_centers_[model.labels_], axis=1)
    flags = np.zeros(len(values), dtype=bool)
    flags[np.argsort(-distance, kind="stable")[:math.ceil(contamination * len(values))]] = True
    return flags
'''),
        Variant("n_init_default", "n_init을 빠뜨림 (scikit-learn 기본 'auto' = 1회)", '''
from sklearn.cluster import KMeans

def kmeans_outliers(X, n_clusters, contamination, random_state=0):
    values = np.asarray(X, dtype=float)
    model = KMeans(n_clusters=n_clusters, random_state=random_state).fit(values)
    distance = np.linalg.norm(values - model.cluster_centers_[model.labels_], axis=1)
    flags = np.zeros(len(values), dtype=bool)
    flags[np.argsort(-distance, kind="stable")[:math.ceil(contamination * len(values))]] = True
    return flags
'''),
        Variant("int_flags", "불리언 대신 0/1 정수 배열 반환", '''
from sklearn.cluster import KMeans

def kmeans_outliers(X, n_clusters, contamination, random_state=0):
    values = np.asarray(X, dtype=float)
    model = KMeans(n_clusters=n_clusters, n_init=10, random_state=random_state).fit(values)
    distance = np.linalg.norm(values - model.cluster_centers_[model.labels_], axis=1)
    flags = np.zeros(len(values), dtype=int)
    flags[np.argsort(-distance, kind="stable")[:math.ceil(contamination * len(values))]] = 1
    return flags
'''),
    ],
    "ex5_isolation_forest_outliers": [
        Variant("plus_minus_one_as_is", "predict의 +1/−1을 그대로 반환", '''
from sklearn.ensemble import IsolationForest

def isolation_forest_outliers(X, contamination, random_state=0):
    return IsolationForest(contamination=contamination, random_state=random_state).fit_predict(X)
'''),
        Variant("astype_bool", "+1/−1에 astype(bool): 모두 True", '''
from sklearn.ensemble import IsolationForest

def isolation_forest_outliers(X, contamination, random_state=0):
    return IsolationForest(contamination=contamination, random_state=random_state).fit_predict(X).astype(bool)
'''),
        Variant("inverted", "== 1 로 비교해 정상을 True로", '''
from sklearn.ensemble import IsolationForest

def isolation_forest_outliers(X, contamination, random_state=0):
    return IsolationForest(contamination=contamination, random_state=random_state).fit_predict(X) == 1
'''),
        Variant("contamination_ignored", "contamination을 넘기지 않음 ('auto')", '''
from sklearn.ensemble import IsolationForest

def isolation_forest_outliers(X, contamination, random_state=0):
    return IsolationForest(random_state=random_state).fit_predict(X) == -1
'''),
        Variant("random_state_ignored", "random_state를 넘기지 않음 (실행마다 다른 숲)", '''
from sklearn.ensemble import IsolationForest

def isolation_forest_outliers(X, contamination, random_state=0):
    return IsolationForest(contamination=contamination, random_state=0).fit_predict(X) == -1
'''),
    ],
    "ex6_clip_to_fences": [
        Variant("whisker_ends", "울타리가 아니라 수염 끝(울타리 안의 가장 먼 관측값)으로 자름", '''
def clip_to_fences(s, k=1.5):
    q1, q3 = s.quantile(0.25), s.quantile(0.75)
    iqr = q3 - q1
    inside = s[(s >= q1 - k * iqr) & (s <= q3 + k * iqr)]
    return s.clip(lower=inside.min(), upper=inside.max())
'''),
        Variant("drops_outliers", "자르지 않고 울타리 밖의 행을 지움", '''
def clip_to_fences(s, k=1.5):
    q1, q3 = s.quantile(0.25), s.quantile(0.75)
    iqr = q3 - q1
    return s[~((s < q1 - k * iqr) | (s > q3 + k * iqr))]
'''),
        Variant("where_replaces_nan", "s.where(조건, 울타리)로 NaN까지 울타리 값으로 바꿈", '''
def clip_to_fences(s, k=1.5):
    q1, q3 = s.quantile(0.25), s.quantile(0.75)
    iqr = q3 - q1
    low, high = q1 - k * iqr, q3 + k * iqr
    return s.where(s >= low, low).where(s <= high, high)
'''),
        Variant("clip_to_quartiles", "울타리 대신 Q1/Q3로 자름", '''
def clip_to_fences(s, k=1.5):
    return s.clip(lower=s.quantile(0.25), upper=s.quantile(0.75))
'''),
        Variant("numpy_midpoint", "np.nanpercentile(method='midpoint')로 울타리 계산", '''
def clip_to_fences(s, k=1.5):
    q1, q3 = np.nanpercentile(s, [25, 75], method="midpoint")
    iqr = q3 - q1
    return s.clip(lower=q1 - k * iqr, upper=q3 + k * iqr)
'''),
        Variant("k_ignored", "k 인자를 무시하고 1.5로 고정", '''
def clip_to_fences(s, k=1.5):
    q1, q3 = s.quantile(0.25), s.quantile(0.75)
    return s.clip(lower=q1 - 1.5 * (q3 - q1), upper=q3 + 1.5 * (q3 - q1))
'''),
        Variant("ndarray_returned", "np.clip(s.to_numpy(), ...): 인덱스와 이름을 잃은 배열", '''
def clip_to_fences(s, k=1.5):
    q1, q3 = s.quantile(0.25), s.quantile(0.75)
    iqr = q3 - q1
    return np.clip(s.to_numpy(), q1 - k * iqr, q3 + k * iqr)
'''),
        Variant("inplace_on_input", "s.clip(..., inplace=True)로 입력 s를 바꾸고 그대로 반환", '''
def clip_to_fences(s, k=1.5):
    q1, q3 = s.quantile(0.25), s.quantile(0.75)
    iqr = q3 - q1
    s.clip(lower=q1 - k * iqr, upper=q3 + k * iqr, inplace=True)
    return s
'''),
        Variant("int_truncated", "원래 dtype으로 되돌려 울타리 값이 정수로 잘림", '''
def clip_to_fences(s, k=1.5):
    q1, q3 = s.quantile(0.25), s.quantile(0.75)
    iqr = q3 - q1
    out = s.clip(lower=q1 - k * iqr, upper=q3 + k * iqr)
    return out.astype(s.dtype) if s.notna().all() else out
'''),
    ],
    "ex7_detection_scores": [
        Variant("precision_recall_swapped", "정밀도와 재현율의 분모를 바꿈", '''
def detection_scores(pred, truth):
    p, t = np.asarray(pred, dtype=bool), np.asarray(truth, dtype=bool)
    tp = np.sum(p & t)
    precision = tp / t.sum() if t.sum() else 0.0
    recall = tp / p.sum() if p.sum() else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": float(precision), "recall": float(recall), "f1": float(f1)}
'''),
        Variant("aligned_by_index", "두 Series를 & 로 합쳐 인덱스로 줄을 맞춤", '''
def detection_scores(pred, truth):
    p, t = pd.Series(pred), pd.Series(truth)
    tp = int((p & t).sum())
    fp = int((p & ~t).sum())
    fn = int((~p & t).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
'''),
        Variant("zero_division_nan", "0으로 나누면 NaN (numpy 나눗셈)", '''
def detection_scores(pred, truth):
    p, t = np.asarray(pred, dtype=bool), np.asarray(truth, dtype=bool)
    tp, fp, fn = np.sum(p & t), np.sum(p & ~t), np.sum(~p & t)
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.float64(tp) / (tp + fp)
        recall = np.float64(tp) / (tp + fn)
        f1 = 2 * precision * recall / (precision + recall)
    return {"precision": precision, "recall": recall, "f1": f1}
'''),
        Variant("zero_division_one", "sklearn zero_division=1: 분모 0이면 1.0", '''
from sklearn.metrics import f1_score, precision_score, recall_score

def detection_scores(pred, truth):
    p, t = np.asarray(pred, dtype=bool), np.asarray(truth, dtype=bool)
    return {"precision": precision_score(t, p, zero_division=1), "recall": recall_score(t, p, zero_division=1),
            "f1": f1_score(t, p, zero_division=1)}
'''),
        Variant("f1_arithmetic_mean", "F1을 정밀도와 재현율의 산술 평균으로", '''
def detection_scores(pred, truth):
    p, t = np.asarray(pred, dtype=bool), np.asarray(truth, dtype=bool)
    tp, fp, fn = int(np.sum(p & t)), int(np.sum(p & ~t)), int(np.sum(~p & t))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": precision, "recall": recall, "f1": (precision + recall) / 2}
'''),
        Variant("always_equal_dict", "__eq__가 항상 True인 dict 하위 클래스를 반환 (채점 속이기)", '''
class _Anything(dict):
    def __eq__(self, other):
        return True

def detection_scores(pred, truth):
    return _Anything(precision=0.5, recall=2 / 3, f1=4 / 7)
'''),
    ],
    "q1_answer": [
        Variant("kmeans_is_not", "K-Means는 군집화라 이상치 탐지가 아니라고 오해", "q1_answer = 3"),
        Variant("string_answer", "번호를 문자열로 입력", 'q1_answer = "4"'),
    ],
    "q2_answer": [
        Variant("accuracy_recall_confused", "정확도와 재현율을 뒤바꿈", "q2_answer = 1"),
        Variant("both_high", "정확도가 높으면 재현율도 높다고 오해", "q2_answer = 3"),
    ],
    "q3_answer": [
        Variant("whole_data_fences", "나누기 전 전체 데이터로 울타리 (누수)", "q3_answer = 1"),
        Variant("separate_fences", "세트마다 자기 울타리", "q3_answer = 2"),
    ],
    "q4_answer": [
        Variant("precision", "오탐을 줄이는 정밀도를 고름", "q4_answer = 2"),
        Variant("f_half", "F0.5가 재현율을 더 중시한다고 오해", "q4_answer = 3"),
    ],
}

ALTERNATIVES = {
    "ex1_zscore_outliers": [
        Variant("scipy_zscore_omit", "scipy.stats.zscore(nan_policy='omit'), std 0은 NaN → False", '''
from scipy import stats

def zscore_outliers(s, threshold=3.0):
    z = stats.zscore(s.to_numpy(dtype=float), nan_policy="omit")
    return pd.Series(np.abs(z) > threshold, index=s.index, name=s.name)
'''),
        Variant("python_loop", "파이썬 반복문과 math로 직접 계산", '''
def zscore_outliers(s, threshold=3.0):
    seen = [float(v) for v in s if v == v]
    mean = sum(seen) / len(seen)
    std = math.sqrt(sum((v - mean) ** 2 for v in seen) / len(seen))
    flags = [std > 0 and v == v and abs(v - mean) / std > threshold for v in s]
    return pd.Series(flags, index=s.index, name=s.name, dtype=bool)
'''),
        Variant("numpy_nan_functions", "np.nanmean/np.nanstd (ddof=0 기본) + errstate", '''
def zscore_outliers(s, threshold=3.0):
    x = s.to_numpy(dtype=float)
    std = np.nanstd(x)
    if std == 0:
        return pd.Series(np.zeros(len(s), dtype=bool), index=s.index, name=s.name)
    with np.errstate(invalid="ignore"):
        flags = np.abs(x - np.nanmean(x)) / std > threshold
    return pd.Series(flags, index=s.index, name=s.name)
'''),
    ],
    "ex2_iqr_outliers": [
        Variant("nanpercentile_linear", "np.nanpercentile (기본 linear = pandas와 같은 정의)", '''
def iqr_outliers(s, k=1.5):
    q1, q3 = np.nanpercentile(s.to_numpy(dtype=float), [25, 75])
    low, high = q1 - k * (q3 - q1), q3 + k * (q3 - q1)
    return (s < low) | (s > high)
'''),
        Variant("between_and_notna", "~between(경계 포함) & notna", '''
def iqr_outliers(s, k=1.5):
    quartiles = s.quantile([0.25, 0.75])
    q1, q3 = quartiles.iloc[0], quartiles.iloc[1]
    iqr = q3 - q1
    return ~s.between(q1 - k * iqr, q3 + k * iqr, inclusive="both") & s.notna()
'''),
    ],
    "ex3_mad_outliers": [
        Variant("pandas_division_no_branch", "MAD=0을 따로 처리하지 않은 pandas 나눗셈 (inf/NaN이 알아서 맞는 답, 경고 없음)", '''
def mad_outliers(s, threshold=3.5):
    median = s.median()
    mad = (s - median).abs().median()
    return (0.6745 * (s - median) / mad).abs() > threshold
'''),
        Variant("multiply_instead_of_divide", "나누지 않고 0.6745·|x−med| > threshold·MAD 로 비교", '''
def mad_outliers(s, threshold=3.5):
    median = s.median()
    mad = (s - median).abs().median()
    return 0.6745 * (s - median).abs() > threshold * mad
'''),
        Variant("scipy_mad_numpy", "scipy median_abs_deviation(scale=1) + numpy, errstate", '''
from scipy.stats import median_abs_deviation

def mad_outliers(s, threshold=3.5):
    x = s.to_numpy(dtype=float)
    median = np.nanmedian(x)
    mad = median_abs_deviation(x, nan_policy="omit")
    with np.errstate(divide="ignore", invalid="ignore"):
        m = 0.6745 * (x - median) / mad
    if mad == 0:
        m = np.where(np.isnan(x) | (x == median), 0.0, np.inf)
    return pd.Series(np.abs(m) > threshold, index=s.index, name=s.name)
'''),
    ],
    "ex4_kmeans_outliers": [
        Variant("transform_min_lexsort", "km.transform(X).min(axis=1) + np.lexsort (거리 내림차순, 같으면 위치)", '''
from sklearn.cluster import KMeans

def kmeans_outliers(X, n_clusters, contamination, random_state=0):
    model = KMeans(n_clusters=n_clusters, n_init=10, random_state=random_state)
    model.fit(X)
    distance = model.transform(X).min(axis=1)
    n = distance.shape[0]
    order = np.lexsort((np.arange(n), -distance))
    flags = np.zeros(n, dtype=bool)
    flags[order[:math.ceil(contamination * n)]] = True
    return flags
'''),
        Variant("squared_distance_sorted", "제곱 거리 + sorted(key=(−거리, 위치)), DataFrame 그대로 학습", '''
from sklearn.cluster import KMeans

def kmeans_outliers(X, n_clusters, contamination, random_state=0):
    model = KMeans(n_clusters=n_clusters, n_init=10, random_state=random_state).fit(X)
    values = np.asarray(X, dtype=float)
    d2 = ((values - model.cluster_centers_[model.labels_]) ** 2).sum(axis=1)
    n = len(values)
    top = sorted(range(n), key=lambda i: (-d2[i], i))[:math.ceil(contamination * n)]
    return np.isin(np.arange(n), top)
'''),
    ],
    "ex5_isolation_forest_outliers": [
        Variant("decision_function_negative", "fit 후 decision_function < 0 (predict와 같은 규칙)", '''
from sklearn.ensemble import IsolationForest

def isolation_forest_outliers(X, contamination, random_state=0):
    model = IsolationForest(contamination=contamination, random_state=random_state).fit(X)
    return model.decision_function(X) < 0
'''),
        Variant("predict_less_than_zero", "fit 후 predict(X) < 0", '''
from sklearn.ensemble import IsolationForest

def isolation_forest_outliers(X, contamination, random_state=0):
    forest = IsolationForest(random_state=random_state, contamination=contamination)
    forest.fit(X)
    return np.asarray(forest.predict(X)) < 0
'''),
    ],
    "ex6_clip_to_fences": [
        Variant("numpy_clip_on_series", "np.clip(s, ...): Series를 넣으면 Series가 나옴", '''
def clip_to_fences(s, k=1.5):
    q1, q3 = np.nanpercentile(s.to_numpy(dtype=float), [25, 75])
    return np.clip(s, q1 - k * (q3 - q1), q3 + k * (q3 - q1))
'''),
        Variant("python_loop_float", "반복문으로 min/max, 실수 Series로 반환", '''
def clip_to_fences(s, k=1.5):
    q1, q3 = s.quantile(0.25), s.quantile(0.75)
    low, high = q1 - k * (q3 - q1), q3 + k * (q3 - q1)
    values = [v if v != v else min(max(float(v), low), high) for v in s]
    return pd.Series(values, index=s.index, name=s.name, dtype=float)
'''),
        Variant("mask_assign_copy", "copy 후 불리언 마스크로 대입", '''
def clip_to_fences(s, k=1.5):
    q1, q3 = s.quantile(0.25), s.quantile(0.75)
    low, high = q1 - k * (q3 - q1), q3 + k * (q3 - q1)
    out = s.astype(float).copy()
    out[out < low] = low
    out[out > high] = high
    return out
'''),
    ],
    "ex7_detection_scores": [
        Variant("sklearn_zero_division_0", "precision_recall_fscore_support(average='binary', zero_division=0)", '''
from sklearn.metrics import precision_recall_fscore_support

def detection_scores(pred, truth):
    precision, recall, f1, _ = precision_recall_fscore_support(
        np.asarray(truth, dtype=bool), np.asarray(pred, dtype=bool), average="binary", zero_division=0)
    return {"precision": precision, "recall": recall, "f1": f1}
'''),
        Variant("python_zip_counts", "list()와 zip으로 위치별로 세고 F1 = 2TP / (2TP + FP + FN)", '''
def detection_scores(pred, truth):
    pairs = list(zip(list(pred), list(truth)))
    tp = sum(1 for p, t in pairs if p and t)
    fp = sum(1 for p, t in pairs if p and not t)
    fn = sum(1 for p, t in pairs if t and not p)
    return {"precision": tp / (tp + fp) if tp + fp else 0.0,
            "recall": tp / (tp + fn) if tp + fn else 0.0,
            "f1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0}
'''),
    ],
    "q1_answer": [Variant("numpy_int", "numpy 정수로 입력", "q1_answer = np.int64(4)")],
    "q2_answer": [Variant("expression", "식으로 입력", "q2_answer = 1 + 1")],
    "q3_answer": [Variant("with_comment", "주석과 함께", "q3_answer = 3  # 훈련 세트 울타리")],
    "q4_answer": [Variant("int_of_string", "문자열을 int로", 'q4_answer = int("4")')],
}
