"""Mutants and alternatives for 01_missing_values.

Every mutant must lose all points of its exercise; every alternative must keep them.
"""
from . import Variant

MUTANTS = {
    "ex1_missing_summary": [
        Variant("fraction_not_percent", "비율에 100을 곱하지 않음 (0–1로 반환)", '''
def missing_summary(df):
    counts = df.isna().sum()
    out = pd.DataFrame({"n_missing": counts, "pct_missing": counts / len(df)})
    return out.sort_values("n_missing", ascending=False, kind="stable")
'''),
        Variant("counts_present_values", "df.count()로 결측이 아닌 값을 셈", '''
def missing_summary(df):
    counts = len(df) - df.count()
    present = df.count()
    out = pd.DataFrame({"n_missing": present, "pct_missing": counts / len(df) * 100})
    return out.sort_values("n_missing", ascending=False, kind="stable")
'''),
        Variant("ascending_order", "내림차순 대신 오름차순 정렬", '''
def missing_summary(df):
    counts = df.isna().sum()
    out = pd.DataFrame({"n_missing": counts, "pct_missing": counts / len(df) * 100})
    return out.sort_values("n_missing", kind="stable")
'''),
        Variant("always_equal_object", "__eq__가 항상 True인 DataFrame 하위 클래스를 반환 (채점 속이기)", '''
class _Anything(pd.DataFrame):
    def __eq__(self, other):
        return True

def missing_summary(df):
    return _Anything({"n_missing": [0], "pct_missing": [0.0]})
'''),
    ],
    "ex2_complete_case": [
        Variant("dropna_all_columns", "subset을 무시하고 모든 열 기준 dropna()", '''
def complete_case(df, subset):
    return df.dropna().drop_duplicates()
'''),
        Variant("no_deduplication", "중복 제거를 빠뜨림", '''
def complete_case(df, subset):
    return df.dropna(subset=subset)
'''),
        Variant("index_reset", "reset_index로 원래 인덱스를 잃음", '''
def complete_case(df, subset):
    return df.dropna(subset=subset).drop_duplicates().reset_index(drop=True)
'''),
        Variant("keep_last", "중복 중 마지막 행을 남김", '''
def complete_case(df, subset):
    return df.dropna(subset=subset).drop_duplicates(keep="last")
'''),
        Variant("inplace_on_input", "inplace=True로 입력 df를 바꿈", '''
def complete_case(df, subset):
    df.dropna(subset=subset, inplace=True)
    df.drop_duplicates(inplace=True)
    return df
'''),
    ],
    "ex3_impute_simple": [
        Variant("statistics_from_train_and_test", "훈련+테스트를 합친 데이터로 통계량 계산 (누수)", '''
def impute_simple(train, test, columns, strategy):
    if strategy not in {"mean", "median"}:
        raise ValueError(strategy)
    both = pd.concat([train, test])
    stats = both[columns].mean() if strategy == "mean" else both[columns].median()
    return train.fillna(dict(stats)), test.fillna(dict(stats))
'''),
        Variant("test_uses_own_statistics", "테스트 세트를 테스트 세트 자신의 통계량으로 채움", '''
def impute_simple(train, test, columns, strategy):
    if strategy not in {"mean", "median"}:
        raise ValueError(strategy)
    def fill(frame):
        out = frame.copy()
        stats = out[columns].mean() if strategy == "mean" else out[columns].median()
        out[columns] = out[columns].fillna(stats)
        return out
    return fill(train), fill(test)
'''),
        Variant("no_value_error", "알 수 없는 strategy를 조용히 중앙값으로 처리", '''
def impute_simple(train, test, columns, strategy):
    stats = train[columns].mean() if strategy == "mean" else train[columns].median()
    a, b = train.copy(), test.copy()
    a[columns] = a[columns].fillna(stats)
    b[columns] = b[columns].fillna(stats)
    return a, b
'''),
        Variant("fills_every_column", "columns를 무시하고 모든 수치형 열을 채움", '''
def impute_simple(train, test, columns, strategy):
    if strategy not in {"mean", "median"}:
        raise ValueError(strategy)
    numeric = train.select_dtypes("number").columns
    stats = train[numeric].mean() if strategy == "mean" else train[numeric].median()
    return train.fillna(stats), test.fillna(stats)
'''),
    ],
    "ex4_impute_with_model": [
        Variant("median_instead_of_model", "모델 없이 중앙값으로 채움", '''
def impute_with_model(train, test, target, features):
    median = train[target].median()
    a, b = train.copy(), test.copy()
    a[target] = a[target].fillna(median)
    b[target] = b[target].fillna(median)
    return a, b
'''),
        Variant("fit_on_train_and_test", "훈련+테스트의 관측 행을 합쳐 모델 학습 (누수)", '''
from sklearn.linear_model import LinearRegression

def impute_with_model(train, test, target, features):
    both = pd.concat([train, test])
    known = both[target].notna()
    model = LinearRegression().fit(both.loc[known, features], both.loc[known, target])
    out = []
    for frame in (train, test):
        frame = frame.copy()
        missing = frame[target].isna()
        frame.loc[missing, target] = model.predict(frame.loc[missing, features])
        out.append(frame)
    return out[0], out[1]
'''),
        Variant("separate_model_for_test", "테스트 세트는 테스트 세트로 따로 학습한 모델로 채움", '''
from sklearn.linear_model import LinearRegression

def impute_with_model(train, test, target, features):
    out = []
    for frame in (train, test):
        frame = frame.copy()
        known = frame[target].notna()
        model = LinearRegression().fit(frame.loc[known, features], frame.loc[known, target])
        frame.loc[~known, target] = model.predict(frame.loc[~known, features])
        out.append(frame)
    return out[0], out[1]
'''),
        Variant("overwrites_known_values", "관측된 값까지 예측값으로 덮어씀", '''
from sklearn.linear_model import LinearRegression

def impute_with_model(train, test, target, features):
    known = train[target].notna()
    model = LinearRegression().fit(train.loc[known, features], train.loc[known, target])
    a, b = train.copy(), test.copy()
    a[target] = model.predict(a[features])
    b[target] = model.predict(b[features])
    return a, b
'''),
    ],
    "ex5_interpolate_series": [
        Variant("linear_by_position", "method='linear' (행 번호 기준, 시간 간격 무시)", '''
def interpolate_series(s):
    return s.interpolate().ffill().bfill()
'''),
        Variant("forward_fill_only", "보간 대신 ffill/bfill만 사용", '''
def interpolate_series(s):
    return s.ffill().bfill()
'''),
        Variant("edges_left_missing", "앞쪽 경계의 빈칸을 채우지 않음", '''
def interpolate_series(s):
    return s.interpolate(method="time")
'''),
        Variant("visible_answer_hardcoded", "보이는 예시의 답을 그대로 반환", '''
def interpolate_series(s):
    return pd.Series([1.0, 1.0, 3.25, 4.0, 4.0], index=s.index[:5], name=s.name)
'''),
    ],
    "ex6_variance_ratio": [
        Variant("population_variance", "np.var (ddof=0, 모분산) 사용", '''
def variance_ratio(original, imputed):
    return float(np.var(imputed) / np.var(original.dropna()))
'''),
        Variant("inverted_ratio", "분자와 분모를 뒤집음", '''
def variance_ratio(original, imputed):
    return float(original.var() / imputed.var())
'''),
        Variant("missing_as_zero", "원래 Series의 결측치를 0으로 보고 분산 계산", '''
def variance_ratio(original, imputed):
    return float(imputed.var() / original.fillna(0).var())
'''),
        Variant("visible_answer_hardcoded", "보이는 예시의 답 0.6을 반환", '''
def variance_ratio(original, imputed):
    return 0.6
'''),
        Variant("always_equal_float", "__eq__가 항상 True인 float 하위 클래스를 반환 (채점 속이기)", '''
class _Anything(float):
    def __eq__(self, other):
        return True
    __hash__ = float.__hash__

def variance_ratio(original, imputed):
    return _Anything(0.0)
'''),
    ],
    "q1_answer": [
        Variant("both_missing", "'하나라도'를 '모두'로 오해", "q1_answer = 1"),
        Variant("string_answer", "번호를 문자열로 입력", 'q1_answer = "2"'),
    ],
    "q2_answer": [
        Variant("row_loss", "삭제의 단점과 혼동", "q2_answer = 1"),
        Variant("model_complexity", "모델 기반 대체의 단점과 혼동", "q2_answer = 3"),
    ],
    "q3_answer": [
        Variant("mean_is_robust", "평균이 이상치에 강하다고 오해", "q3_answer = 1"),
        Variant("zero_fill", "0으로 채우면 분포가 유지된다고 오해", "q3_answer = 4"),
    ],
    "q4_answer": [
        Variant("separate_statistics", "테스트 세트를 자기 평균으로 채움 (누수)", "q4_answer = 2"),
        Variant("whole_data_mean", "전체 데이터 평균 사용 (누수)", "q4_answer = 1"),
    ],
}

ALTERNATIVES = {
    "ex1_missing_summary": [
        Variant("python_loop", "열마다 반복문으로 세고 sorted()로 안정 정렬", '''
def missing_summary(df):
    rows = []
    for column in df.columns:
        n = int(df[column].isna().sum())
        rows.append((column, n, 100.0 * n / len(df)))
    rows = sorted(rows, key=lambda row: -row[1])   # sorted() is stable
    return pd.DataFrame({"n_missing": [r[1] for r in rows], "pct_missing": [r[2] for r in rows]},
                        index=[r[0] for r in rows])
'''),
        Variant("mean_times_100_mergesort", "isna().mean()*100, mergesort", '''
def missing_summary(df):
    return (pd.DataFrame({"n_missing": df.isna().sum(), "pct_missing": df.isna().mean() * 100})
              .sort_values(by="n_missing", ascending=False, kind="mergesort"))
'''),
    ],
    "ex2_complete_case": [
        Variant("boolean_masks", "notna().all + duplicated 마스크", '''
def complete_case(df, subset):
    kept = df[df[subset].notna().all(axis=1)]
    return kept[~kept.duplicated(keep="first")]
'''),
    ],
    "ex3_impute_simple": [
        Variant("sklearn_simple_imputer", "SimpleImputer를 train에만 fit", '''
from sklearn.impute import SimpleImputer

def impute_simple(train, test, columns, strategy):
    if strategy not in ("mean", "median"):
        raise ValueError("mean 또는 median만 가능합니다")
    imputer = SimpleImputer(strategy=strategy).fit(train[columns])
    outputs = []
    for frame in (train, test):
        frame = frame.copy()
        frame[columns] = imputer.transform(frame[columns])
        outputs.append(frame)
    return tuple(outputs)
'''),
    ],
    "ex4_impute_with_model": [
        Variant("numpy_least_squares", "np.linalg.lstsq로 직접 회귀", '''
def impute_with_model(train, test, target, features):
    known = train[target].notna().to_numpy()
    X = np.column_stack([train[features].to_numpy(float), np.ones(len(train))])
    coef, *_ = np.linalg.lstsq(X[known], train[target].to_numpy(float)[known], rcond=None)
    out = []
    for frame in (train, test):
        frame = frame.copy()
        missing = frame[target].isna().to_numpy()
        Xf = np.column_stack([frame[features].to_numpy(float), np.ones(len(frame))])
        values = frame[target].to_numpy(float).copy()
        values[missing] = Xf[missing] @ coef
        frame[target] = values
        out.append(frame)
    return out[0], out[1]
'''),
        Variant("fit_frame_predict_array", "DataFrame으로 학습, 배열로 예측: sklearn이 feature names 경고를 냄 (경고로 감점되면 안 됨)", '''
from sklearn.linear_model import LinearRegression

def impute_with_model(train, test, target, features):
    known = train[target].notna()
    model = LinearRegression().fit(train.loc[known, features], train.loc[known, target])
    out = []
    for frame in (train, test):
        frame = frame.copy()
        missing = frame[target].isna()
        if missing.any():
            frame.loc[missing, target] = model.predict(frame.loc[missing, features].to_numpy())
        out.append(frame)
    return out[0], out[1]
'''),
        Variant("knn_regressor", "KNeighborsRegressor (다른 회귀 모델)", '''
from sklearn.neighbors import KNeighborsRegressor

def impute_with_model(train, test, target, features):
    known = train[target].notna()
    model = KNeighborsRegressor(n_neighbors=5).fit(train.loc[known, features], train.loc[known, target])
    result = []
    for frame in (train, test):
        frame = frame.copy()
        gap = frame[target].isna()
        if gap.any():
            frame.loc[gap, target] = model.predict(frame.loc[gap, features])
        result.append(frame)
    return tuple(result)
'''),
    ],
    "ex5_interpolate_series": [
        Variant("index_method_both_directions", "method='index', limit_direction='both'", '''
def interpolate_series(s):
    return s.interpolate(method="index", limit_direction="both")
'''),
        Variant("numpy_interp", "타임스탬프 정수로 np.interp", '''
def interpolate_series(s):
    t = s.index.asi8.astype(float)
    seen = s.notna().to_numpy()
    values = np.interp(t, t[seen], s.to_numpy(float)[seen])   # np.interp clamps at the edges
    return pd.Series(values, index=s.index, name=s.name)
'''),
    ],
    "ex6_variance_ratio": [
        Variant("sum_of_squares", "편차 제곱합을 n-1로 직접 나눔", '''
def variance_ratio(original, imputed):
    def sample_var(values):
        values = [v for v in values if v == v]   # drop NaN
        mean = sum(values) / len(values)
        return sum((v - mean) ** 2 for v in values) / (len(values) - 1)
    return sample_var(list(imputed)) / sample_var(list(original))
'''),
        Variant("library_log_on_stderr", "정답이지만 실행 중 TensorFlow식 C++ 로그가 stderr에 찍힘 (감점되면 안 됨)", '''
import sys

def variance_ratio(original, imputed):
    print("W0000 00:00:1732000000.000000    1234 cpu_feature_guard.cc:210] oneDNN custom operations are on.",
          file=sys.stderr)
    return float(imputed.var() / original.var())
'''),
    ],
    "q1_answer": [Variant("numpy_int", "numpy 정수로 입력", "q1_answer = np.int64(2)")],
    "q2_answer": [Variant("expression", "식으로 입력", "q2_answer = 1 + 1")],
    "q3_answer": [Variant("with_comment", "주석과 함께", "q3_answer = 2  # 중앙값")],
    "q4_answer": [Variant("plain", "그대로", "q4_answer = 3")],
}
