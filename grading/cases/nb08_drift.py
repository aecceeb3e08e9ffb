"""Mutants and alternatives for 08_drift.

Every mutant must lose all points of its exercise; every alternative must keep them.
Solution cells run after the notebook's own cells, so `np`, `pd` and `stats` (scipy.stats) exist.
"""
from . import Variant

# drift_report calls ks_drift, psi and chi2_drift; monitor calls drift_report (and through it the three tests).
DEPENDS = {
    "ex5_drift_report": ["ex2_ks_drift", "ex3_psi", "ex4_chi2_drift"],
    "ex6_monitor": ["ex5_drift_report", "ex2_ks_drift", "ex3_psi", "ex4_chi2_drift"],
}

MUTANTS = {
    "ex1_ks_statistic": [
        Variant("first_sample_only", "ECDF 차이를 첫 표본의 관측값에서만 계산", '''
def ks_statistic(a, b):
    a = np.sort(np.asarray(a, dtype=float))
    b = np.sort(np.asarray(b, dtype=float))
    gap = np.searchsorted(a, a, side="right") / len(a) - np.searchsorted(b, a, side="right") / len(b)
    return float(np.max(np.abs(gap)))
'''),
        Variant("ties_not_merged", "합친 표본을 정렬해 값을 하나씩 따라가며 셈 (동점을 한꺼번에 세지 않음)", '''
def ks_statistic(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    pooled = np.concatenate([a, b])
    from_a = np.r_[np.ones(len(a), bool), np.zeros(len(b), bool)]
    fa = fb = best = 0.0
    for i in np.argsort(pooled, kind="stable"):
        if from_a[i]:
            fa += 1 / len(a)
        else:
            fb += 1 / len(b)
        best = max(best, abs(fa - fb))
    return float(best)
'''),
        Variant("one_sided", "절댓값 없이 F_a - F_b의 최댓값만 봄 (한쪽 방향)", '''
def ks_statistic(a, b):
    a = np.sort(np.asarray(a, dtype=float))
    b = np.sort(np.asarray(b, dtype=float))
    grid = np.concatenate([a, b])
    return float(np.max(np.searchsorted(a, grid, side="right") / len(a) - np.searchsorted(b, grid, side="right") / len(b)))
'''),
        Variant("same_denominator", "두 ECDF를 모두 len(a)로 나눔 (표본 크기가 다를 때 틀림)", '''
def ks_statistic(a, b):
    a = np.sort(np.asarray(a, dtype=float))
    b = np.sort(np.asarray(b, dtype=float))
    grid = np.concatenate([a, b])
    return float(np.max(np.abs(np.searchsorted(a, grid, side="right") - np.searchsorted(b, grid, side="right")) / len(a)))
'''),
        Variant("visible_answer_hardcoded", "보이는 예시의 답 0.5를 반환", '''
def ks_statistic(a, b):
    return 0.5
'''),
    ],
    "ex2_ks_drift": [
        Variant("p_less_equal", "p_value <= alpha로 판정 (경계값에서 드리프트)", '''
def ks_drift(reference, current, alpha=0.05):
    r, c = np.asarray(reference, dtype=float), np.asarray(current, dtype=float)
    result = stats.ks_2samp(r[~np.isnan(r)], c[~np.isnan(c)])
    return {"statistic": float(result.statistic), "p_value": float(result.pvalue), "drift": bool(result.pvalue <= alpha)}
'''),
        Variant("nan_not_dropped", "결측치를 빼지 않고 검정 (결과가 NaN)", '''
def ks_drift(reference, current, alpha=0.05):
    result = stats.ks_2samp(np.asarray(reference, dtype=float), np.asarray(current, dtype=float))
    return {"statistic": float(result.statistic), "p_value": float(result.pvalue), "drift": bool(result.pvalue < alpha)}
'''),
        Variant("alpha_ignored", "alpha 인자를 무시하고 0.05로 고정", '''
def ks_drift(reference, current, alpha=0.05):
    r, c = pd.Series(reference).dropna(), pd.Series(current).dropna()
    result = stats.ks_2samp(r, c)
    return {"statistic": float(result.statistic), "p_value": float(result.pvalue), "drift": bool(result.pvalue < 0.05)}
'''),
        Variant("numpy_bool", "drift를 numpy.bool_로 반환 (bool(...)로 감싸지 않음)", '''
def ks_drift(reference, current, alpha=0.05):
    r, c = pd.Series(reference).dropna(), pd.Series(current).dropna()
    result = stats.ks_2samp(r, c)
    return {"statistic": float(result.statistic), "p_value": float(result.pvalue), "drift": result.pvalue < alpha}
'''),
        Variant("asymptotic_method", "method='asymp' (작은 표본에서 p-value가 다름)", '''
def ks_drift(reference, current, alpha=0.05):
    r, c = pd.Series(reference).dropna(), pd.Series(current).dropna()
    result = stats.ks_2samp(r, c, method="asymp")
    return {"statistic": float(result.statistic), "p_value": float(result.pvalue), "drift": bool(result.pvalue < alpha)}
'''),
        Variant("one_sided_test", "alternative='greater' (한쪽 검정)", '''
def ks_drift(reference, current, alpha=0.05):
    r, c = pd.Series(reference).dropna(), pd.Series(current).dropna()
    result = stats.ks_2samp(r, c, alternative="greater")
    return {"statistic": float(result.statistic), "p_value": float(result.pvalue), "drift": bool(result.pvalue < alpha)}
'''),
        Variant("large_p_means_drift", "p-value가 크면 드리프트라고 오해", '''
def ks_drift(reference, current, alpha=0.05):
    r, c = pd.Series(reference).dropna(), pd.Series(current).dropna()
    result = stats.ks_2samp(r, c)
    return {"statistic": float(result.statistic), "p_value": float(result.pvalue), "drift": bool(result.pvalue > alpha)}
'''),
    ],
    "ex3_psi": [
        Variant("equal_width_bins", "기준의 최소~최대를 같은 너비로 나눔 (분위수 대신)", '''
def psi(reference, current, bins=10, eps=1e-4):
    r, c = pd.Series(reference).dropna().to_numpy(float), pd.Series(current).dropna().to_numpy(float)
    inner = np.linspace(r.min(), r.max(), bins + 1)[1:-1]
    p = np.bincount(np.searchsorted(inner, r, side="right"), minlength=bins) / len(r)
    q = np.bincount(np.searchsorted(inner, c, side="right"), minlength=bins) / len(c)
    p, q = np.clip(p, eps, None), np.clip(q, eps, None)
    return float(np.sum((q - p) * np.log(q / p)))
'''),
        Variant("no_clipping", "빈 구간의 비율을 eps로 자르지 않음 (inf/NaN)", '''
def psi(reference, current, bins=10, eps=1e-4):
    r, c = pd.Series(reference).dropna().to_numpy(float), pd.Series(current).dropna().to_numpy(float)
    inner = np.unique(np.quantile(r, np.arange(1, bins) / bins))
    k = len(inner) + 1
    p = np.bincount(np.searchsorted(inner, r, side="right"), minlength=k) / len(r)
    q = np.bincount(np.searchsorted(inner, c, side="right"), minlength=k) / len(c)
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.sum((q - p) * np.log(q / p)))
'''),
        Variant("ratio_inverted", "로그 안의 비를 ref / cur로 뒤집음 (음수 PSI)", '''
def psi(reference, current, bins=10, eps=1e-4):
    r, c = pd.Series(reference).dropna().to_numpy(float), pd.Series(current).dropna().to_numpy(float)
    inner = np.unique(np.quantile(r, np.arange(1, bins) / bins))
    k = len(inner) + 1
    p = np.clip(np.bincount(np.searchsorted(inner, r, side="right"), minlength=k) / len(r), eps, None)
    q = np.clip(np.bincount(np.searchsorted(inner, c, side="right"), minlength=k) / len(c), eps, None)
    return float(np.sum((q - p) * np.log(p / q)))
'''),
        Variant("side_left", "searchsorted(side='left'): 경계값과 같은 값을 왼쪽 구간에 넣음", '''
def psi(reference, current, bins=10, eps=1e-4):
    r, c = pd.Series(reference).dropna().to_numpy(float), pd.Series(current).dropna().to_numpy(float)
    inner = np.unique(np.quantile(r, np.arange(1, bins) / bins))
    k = len(inner) + 1
    p = np.clip(np.bincount(np.searchsorted(inner, r, side="left"), minlength=k) / len(r), eps, None)
    q = np.clip(np.bincount(np.searchsorted(inner, c, side="left"), minlength=k) / len(c), eps, None)
    return float(np.sum((q - p) * np.log(q / p)))
'''),
        Variant("current_quantiles", "구간 경계를 현재 표본의 분위수로 만듦", '''
def psi(reference, current, bins=10, eps=1e-4):
    r, c = pd.Series(reference).dropna().to_numpy(float), pd.Series(current).dropna().to_numpy(float)
    inner = np.unique(np.quantile(c, np.arange(1, bins) / bins))
    k = len(inner) + 1
    p = np.clip(np.bincount(np.searchsorted(inner, r, side="right"), minlength=k) / len(r), eps, None)
    q = np.clip(np.bincount(np.searchsorted(inner, c, side="right"), minlength=k) / len(c), eps, None)
    return float(np.sum((q - p) * np.log(q / p)))
'''),
        Variant("finite_outer_edges", "np.histogram에 기준의 최소·최대를 바깥 경계로 줌 (범위 밖 값이 빠짐)", '''
def psi(reference, current, bins=10, eps=1e-4):
    r, c = pd.Series(reference).dropna().to_numpy(float), pd.Series(current).dropna().to_numpy(float)
    inner = np.unique(np.quantile(r, np.arange(1, bins) / bins))
    edges = np.concatenate([[r.min()], inner, [r.max()]])
    p = np.clip(np.histogram(r, edges)[0] / len(r), eps, None)
    q = np.clip(np.histogram(c, edges)[0] / len(c), eps, None)
    return float(np.sum((q - p) * np.log(q / p)))
'''),
        Variant("nan_in_denominator", "결측치를 뺀 개수 대신 전체 길이로 나눔", '''
def psi(reference, current, bins=10, eps=1e-4):
    r_all, c_all = np.asarray(reference, dtype=float), np.asarray(current, dtype=float)
    r, c = r_all[~np.isnan(r_all)], c_all[~np.isnan(c_all)]
    inner = np.unique(np.quantile(r, np.arange(1, bins) / bins))
    k = len(inner) + 1
    p = np.clip(np.bincount(np.searchsorted(inner, r, side="right"), minlength=k) / len(r_all), eps, None)
    q = np.clip(np.bincount(np.searchsorted(inner, c, side="right"), minlength=k) / len(c_all), eps, None)
    return float(np.sum((q - p) * np.log(q / p)))
'''),
        Variant("defaults_hardcoded", "bins와 eps 인자를 무시하고 10, 1e-4로 고정", '''
def psi(reference, current, bins=10, eps=1e-4):
    r, c = pd.Series(reference).dropna().to_numpy(float), pd.Series(current).dropna().to_numpy(float)
    inner = np.unique(np.quantile(r, np.arange(1, 10) / 10))
    k = len(inner) + 1
    p = np.clip(np.bincount(np.searchsorted(inner, r, side="right"), minlength=k) / len(r), 1e-4, None)
    q = np.clip(np.bincount(np.searchsorted(inner, c, side="right"), minlength=k) / len(c), 1e-4, None)
    return float(np.sum((q - p) * np.log(q / p)))
'''),
    ],
    "ex4_chi2_drift": [
        Variant("common_categories_only", "두 표본 모두에 있는 범주만 셈 (한쪽에만 있는 범주를 버림)", '''
def chi2_drift(reference, current, alpha=0.05):
    ref = pd.Series(reference, dtype=object).dropna()
    cur = pd.Series(current, dtype=object).dropna()
    common = sorted(set(ref) & set(cur), key=str)
    table = [[int((ref == k).sum()) for k in common], [int((cur == k).sum()) for k in common]]
    result = stats.chi2_contingency(table, correction=False)
    return {"statistic": float(result.statistic), "p_value": float(result.pvalue), "drift": bool(result.pvalue < alpha)}
'''),
        Variant("reference_categories_only", "현재 개수를 기준 범주에 맞춰 reindex (현재에만 있는 새 범주를 버림)", '''
def chi2_drift(reference, current, alpha=0.05):
    ref = pd.Series(reference, dtype=object).dropna().value_counts()
    cur = pd.Series(current, dtype=object).dropna().value_counts().reindex(ref.index, fill_value=0)
    result = stats.chi2_contingency(np.array([ref.to_numpy(), cur.to_numpy()]), correction=False)
    return {"statistic": float(result.statistic), "p_value": float(result.pvalue), "drift": bool(result.pvalue < alpha)}
'''),
        Variant("yates_correction", "correction=False를 빠뜨림 (2x2 표에 예이츠 보정)", '''
def chi2_drift(reference, current, alpha=0.05):
    ref = pd.Series(reference, dtype=object).dropna().value_counts()
    cur = pd.Series(current, dtype=object).dropna().value_counts()
    table = pd.concat([ref, cur], axis=1).fillna(0).to_numpy().T
    result = stats.chi2_contingency(table)
    return {"statistic": float(result.statistic), "p_value": float(result.pvalue), "drift": bool(result.pvalue < alpha)}
'''),
        Variant("p_less_equal", "p_value <= alpha로 판정", '''
def chi2_drift(reference, current, alpha=0.05):
    ref = pd.Series(reference, dtype=object).dropna().value_counts()
    cur = pd.Series(current, dtype=object).dropna().value_counts()
    table = pd.concat([ref, cur], axis=1).fillna(0).to_numpy().T
    result = stats.chi2_contingency(table, correction=False)
    return {"statistic": float(result.statistic), "p_value": float(result.pvalue), "drift": bool(result.pvalue <= alpha)}
'''),
        Variant("missing_as_category", "value_counts(dropna=False): 결측치를 하나의 범주로 셈", '''
def chi2_drift(reference, current, alpha=0.05):
    ref = pd.Series(reference, dtype=object).fillna("missing").value_counts()
    cur = pd.Series(current, dtype=object).fillna("missing").value_counts()
    table = pd.concat([ref, cur], axis=1).fillna(0).to_numpy().T
    result = stats.chi2_contingency(table, correction=False)
    return {"statistic": float(result.statistic), "p_value": float(result.pvalue), "drift": bool(result.pvalue < alpha)}
'''),
        Variant("unused_categories_counted", "category dtype의 value_counts를 그대로 씀 (쓰이지 않은 범주가 0인 열이 됨)", '''
def chi2_drift(reference, current, alpha=0.05):
    ref = pd.Series(reference).dropna().value_counts()
    cur = pd.Series(current).dropna().value_counts()
    table = pd.concat([ref, cur], axis=1).fillna(0).to_numpy().T
    result = stats.chi2_contingency(table, correction=False)
    return {"statistic": float(result.statistic), "p_value": float(result.pvalue), "drift": bool(result.pvalue < alpha)}
'''),
        Variant("numpy_bool", "drift를 numpy.bool_로 반환", '''
def chi2_drift(reference, current, alpha=0.05):
    ref = pd.Series(reference, dtype=object).dropna().value_counts()
    cur = pd.Series(current, dtype=object).dropna().value_counts()
    table = pd.concat([ref, cur], axis=1).fillna(0).to_numpy().T
    result = stats.chi2_contingency(table, correction=False)
    return {"statistic": float(result.statistic), "p_value": float(result.pvalue), "drift": result.pvalue < alpha}
'''),
    ],
    "ex5_drift_report": [
        Variant("numeric_to_chi2", "수치형 열도 카이제곱 검정으로 보냄", '''
def drift_report(reference_df, current_df, alpha=0.05):
    rows, names = [], []
    for column in reference_df.columns:
        if column in current_df.columns:
            result = chi2_drift(reference_df[column], current_df[column], alpha)
            numeric = pd.api.types.is_numeric_dtype(reference_df[column])
            rows.append({"test": "ks" if numeric else "chi2", "statistic": result["statistic"], "p_value": result["p_value"],
                         "psi": psi(reference_df[column], current_df[column]) if numeric else np.nan, "drift": result["drift"]})
            names.append(column)
    return pd.DataFrame(rows, index=names, columns=["test", "statistic", "p_value", "psi", "drift"])
'''),
        Variant("float_only_numeric", "dtype == float만 수치형으로 봄 (정수 열을 카이제곱으로)", '''
def drift_report(reference_df, current_df, alpha=0.05):
    rows, names = [], []
    for column in reference_df.columns:
        if column not in current_df.columns:
            continue
        r, c = reference_df[column], current_df[column]
        if r.dtype == float:
            res, test, size = ks_drift(r, c, alpha), "ks", psi(r, c)
        else:
            res, test, size = chi2_drift(r, c, alpha), "chi2", np.nan
        rows.append({"test": test, "statistic": res["statistic"], "p_value": res["p_value"], "psi": size, "drift": res["drift"]})
        names.append(column)
    return pd.DataFrame(rows, index=names, columns=["test", "statistic", "p_value", "psi", "drift"])
'''),
        Variant("current_column_order", "current_df의 열 순서를 따름", '''
def drift_report(reference_df, current_df, alpha=0.05):
    rows, names = [], []
    for column in current_df.columns:
        if column not in reference_df.columns:
            continue
        r, c = reference_df[column], current_df[column]
        if pd.api.types.is_numeric_dtype(r):
            res, test, size = ks_drift(r, c, alpha), "ks", psi(r, c)
        else:
            res, test, size = chi2_drift(r, c, alpha), "chi2", np.nan
        rows.append({"test": test, "statistic": res["statistic"], "p_value": res["p_value"], "psi": size, "drift": res["drift"]})
        names.append(column)
    return pd.DataFrame(rows, index=names, columns=["test", "statistic", "p_value", "psi", "drift"])
'''),
        Variant("missing_columns_not_skipped", "current_df에 없는 열을 건너뛰지 않음 (KeyError)", '''
def drift_report(reference_df, current_df, alpha=0.05):
    rows = []
    for column in reference_df.columns:
        r, c = reference_df[column], current_df[column]
        if pd.api.types.is_numeric_dtype(r):
            res, test, size = ks_drift(r, c, alpha), "ks", psi(r, c)
        else:
            res, test, size = chi2_drift(r, c, alpha), "chi2", np.nan
        rows.append({"test": test, "statistic": res["statistic"], "p_value": res["p_value"], "psi": size, "drift": res["drift"]})
    return pd.DataFrame(rows, index=list(reference_df.columns), columns=["test", "statistic", "p_value", "psi", "drift"])
'''),
        Variant("psi_decides_drift", "수치형 열의 drift를 PSI > 0.25로 정함", '''
def drift_report(reference_df, current_df, alpha=0.05):
    rows, names = [], []
    for column in reference_df.columns:
        if column not in current_df.columns:
            continue
        r, c = reference_df[column], current_df[column]
        if pd.api.types.is_numeric_dtype(r):
            res, test, size = ks_drift(r, c, alpha), "ks", psi(r, c)
            drift = bool(size > 0.25)
        else:
            res, test, size = chi2_drift(r, c, alpha), "chi2", np.nan
            drift = res["drift"]
        rows.append({"test": test, "statistic": res["statistic"], "p_value": res["p_value"], "psi": size, "drift": drift})
        names.append(column)
    return pd.DataFrame(rows, index=names, columns=["test", "statistic", "p_value", "psi", "drift"])
'''),
        Variant("alpha_not_passed", "alpha를 ks_drift/chi2_drift에 넘기지 않음", '''
def drift_report(reference_df, current_df, alpha=0.05):
    rows, names = [], []
    for column in reference_df.columns:
        if column not in current_df.columns:
            continue
        r, c = reference_df[column], current_df[column]
        if pd.api.types.is_numeric_dtype(r):
            res, test, size = ks_drift(r, c), "ks", psi(r, c)
        else:
            res, test, size = chi2_drift(r, c), "chi2", np.nan
        rows.append({"test": test, "statistic": res["statistic"], "p_value": res["p_value"], "psi": size, "drift": res["drift"]})
        names.append(column)
    return pd.DataFrame(rows, index=names, columns=["test", "statistic", "p_value", "psi", "drift"])
'''),
        Variant("psi_zero_for_categorical", "범주형 열의 psi를 NaN 대신 0.0으로 둠", '''
def drift_report(reference_df, current_df, alpha=0.05):
    rows, names = [], []
    for column in reference_df.columns:
        if column not in current_df.columns:
            continue
        r, c = reference_df[column], current_df[column]
        if pd.api.types.is_numeric_dtype(r):
            res, test, size = ks_drift(r, c, alpha), "ks", psi(r, c)
        else:
            res, test, size = chi2_drift(r, c, alpha), "chi2", 0.0
        rows.append({"test": test, "statistic": res["statistic"], "p_value": res["p_value"], "psi": size, "drift": res["drift"]})
        names.append(column)
    return pd.DataFrame(rows, index=names, columns=["test", "statistic", "p_value", "psi", "drift"])
'''),
    ],
    "ex6_monitor": [
        Variant("retrain_on_data_drift", "데이터 드리프트만으로도 재학습", '''
def monitor(batches, model, reference_X, metric_floor, alpha=0.05):
    rows = []
    for X, y in batches:
        accuracy = float(np.mean(np.asarray(model.predict(X)) == np.asarray(y)))
        data_drift = bool(drift_report(reference_X, X, alpha)["drift"].any())
        action = "retrain" if (accuracy < metric_floor or data_drift) else "ok"
        rows.append({"accuracy": accuracy, "data_drift": data_drift, "action": action})
    return pd.DataFrame(rows, columns=["accuracy", "data_drift", "action"])
'''),
        Variant("alert_only_when_accuracy_falls", "정확도가 떨어질 때만 경보 (재학습도, 드리프트 경보도 없음)", '''
def monitor(batches, model, reference_X, metric_floor, alpha=0.05):
    rows = []
    for X, y in batches:
        accuracy = float(np.mean(np.asarray(model.predict(X)) == np.asarray(y)))
        data_drift = bool(drift_report(reference_X, X, alpha)["drift"].any())
        action = "alert" if accuracy < metric_floor else "ok"
        rows.append({"accuracy": accuracy, "data_drift": data_drift, "action": action})
    return pd.DataFrame(rows, columns=["accuracy", "data_drift", "action"])
'''),
        Variant("ignores_data_drift", "드리프트를 계산만 하고 action에 쓰지 않음 (alert가 없음)", '''
def monitor(batches, model, reference_X, metric_floor, alpha=0.05):
    rows = []
    for X, y in batches:
        accuracy = float(np.mean(np.asarray(model.predict(X)) == np.asarray(y)))
        data_drift = bool(drift_report(reference_X, X, alpha)["drift"].any())
        rows.append({"accuracy": accuracy, "data_drift": data_drift,
                     "action": "retrain" if accuracy < metric_floor else "ok"})
    return pd.DataFrame(rows, columns=["accuracy", "data_drift", "action"])
'''),
        Variant("drift_checked_first", "드리프트를 먼저 봄 (둘 다일 때 retrain 대신 alert)", '''
def monitor(batches, model, reference_X, metric_floor, alpha=0.05):
    rows = []
    for X, y in batches:
        accuracy = float(np.mean(np.asarray(model.predict(X)) == np.asarray(y)))
        data_drift = bool(drift_report(reference_X, X, alpha)["drift"].any())
        action = "alert" if data_drift else "retrain" if accuracy < metric_floor else "ok"
        rows.append({"accuracy": accuracy, "data_drift": data_drift, "action": action})
    return pd.DataFrame(rows, columns=["accuracy", "data_drift", "action"])
'''),
        Variant("floor_inclusive", "accuracy <= metric_floor이면 재학습", '''
def monitor(batches, model, reference_X, metric_floor, alpha=0.05):
    rows = []
    for X, y in batches:
        accuracy = float(np.mean(np.asarray(model.predict(X)) == np.asarray(y)))
        data_drift = bool(drift_report(reference_X, X, alpha)["drift"].any())
        action = "retrain" if accuracy <= metric_floor else "alert" if data_drift else "ok"
        rows.append({"accuracy": accuracy, "data_drift": data_drift, "action": action})
    return pd.DataFrame(rows, columns=["accuracy", "data_drift", "action"])
'''),
        Variant("all_columns_must_drift", "모든 열이 드리프트일 때만 data_drift (any 대신 all)", '''
def monitor(batches, model, reference_X, metric_floor, alpha=0.05):
    rows = []
    for X, y in batches:
        accuracy = float(np.mean(np.asarray(model.predict(X)) == np.asarray(y)))
        data_drift = bool(drift_report(reference_X, X, alpha)["drift"].all())
        action = "retrain" if accuracy < metric_floor else "alert" if data_drift else "ok"
        rows.append({"accuracy": accuracy, "data_drift": data_drift, "action": action})
    return pd.DataFrame(rows, columns=["accuracy", "data_drift", "action"])
'''),
        Variant("alpha_not_passed", "alpha를 drift_report에 넘기지 않음", '''
def monitor(batches, model, reference_X, metric_floor, alpha=0.05):
    rows = []
    for X, y in batches:
        accuracy = float(np.mean(np.asarray(model.predict(X)) == np.asarray(y)))
        data_drift = bool(drift_report(reference_X, X)["drift"].any())
        action = "retrain" if accuracy < metric_floor else "alert" if data_drift else "ok"
        rows.append({"accuracy": accuracy, "data_drift": data_drift, "action": action})
    return pd.DataFrame(rows, columns=["accuracy", "data_drift", "action"])
'''),
        Variant("first_batch_as_reference", "reference_X 대신 첫 배치를 기준으로 삼음", '''
def monitor(batches, model, reference_X, metric_floor, alpha=0.05):
    rows, reference = [], batches[0][0]
    for X, y in batches:
        accuracy = float(np.mean(np.asarray(model.predict(X)) == np.asarray(y)))
        data_drift = bool(drift_report(reference, X, alpha)["drift"].any())
        action = "retrain" if accuracy < metric_floor else "alert" if data_drift else "ok"
        rows.append({"accuracy": accuracy, "data_drift": data_drift, "action": action})
    return pd.DataFrame(rows, columns=["accuracy", "data_drift", "action"])
'''),
    ],
    "q1_answer": [
        Variant("pruning", "모델 가지치기(Model Pruning)와 혼동", "q1_answer = 2"),
        Variant("string_answer", "번호를 문자열로 입력", 'q1_answer = "1"'),
    ],
    "q2_answer": [
        Variant("data_drift", "입력 통계로 개념 드리프트를 잡을 수 있다고 오해", "q2_answer = 1"),
        Variant("no_drift_possible", "입력 분포가 같으면 성능이 변할 수 없다고 오해", "q2_answer = 3"),
    ],
    "q3_answer": [
        Variant("probability_of_null", "p-value를 귀무가설이 참일 확률로 오해", "q3_answer = 3"),
        Variant("statistic_as_accuracy", "KS 통계량을 정확도 하락으로 오해", "q3_answer = 2"),
    ],
    "q4_answer": [
        Variant("ab_test", "A/B 테스트와 혼동", "q4_answer = 1"),
        Variant("holdout", "홀드아웃 검증과 혼동", "q4_answer = 4"),
    ],
}

ALTERNATIVES = {
    "ex1_ks_statistic": [
        Variant("strict_less_loop", "관측값마다 '미만' 비율(왼쪽 극한)을 반복문으로 비교: 같은 최댓값", '''
def ks_statistic(a, b):
    a, b = list(np.asarray(a, dtype=float)), list(np.asarray(b, dtype=float))
    best = 0.0
    for x in a + b:
        fa = sum(v < x for v in a) / len(a)
        fb = sum(v < x for v in b) / len(b)
        best = max(best, abs(fa - fb))
    return best
'''),
        Variant("unique_values_cumsum", "np.unique로 서로 다른 값마다 누적 개수", '''
def ks_statistic(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    values = np.unique(np.concatenate([a, b]))
    cdf_a = np.array([(a <= v).mean() for v in values])
    cdf_b = np.array([(b <= v).mean() for v in values])
    return float(np.abs(cdf_a - cdf_b).max())
'''),
    ],
    "ex2_ks_drift": [
        Variant("series_dropna_unpack", "Series.dropna + 결과 튜플 풀기", '''
def ks_drift(reference, current, alpha=0.05):
    statistic, p_value = stats.ks_2samp(pd.Series(reference).dropna(), pd.Series(current).dropna())[:2]
    return {"drift": bool(p_value < alpha), "p_value": float(p_value), "statistic": float(statistic)}
'''),
        Variant("kstest_two_sample", "scipy.stats.kstest에 두 표본을 줌 (ks_2samp와 같은 검정)", '''
def ks_drift(reference, current, alpha=0.05):
    r = [v for v in np.asarray(reference, dtype=float) if not np.isnan(v)]
    c = [v for v in np.asarray(current, dtype=float) if not np.isnan(v)]
    result = stats.kstest(r, c)
    drift = True if result.pvalue < alpha else False
    return dict(statistic=float(result.statistic), p_value=float(result.pvalue), drift=drift)
'''),
    ],
    "ex3_psi": [
        Variant("pd_cut_right_open", "pd.cut(right=False)과 ±inf 경계", '''
def psi(reference, current, bins=10, eps=1e-4):
    r, c = pd.Series(reference, dtype=float).dropna(), pd.Series(current, dtype=float).dropna()
    edges = [-np.inf, *np.unique(r.quantile(np.arange(1, bins) / bins)), np.inf]
    p = pd.cut(r, edges, right=False).value_counts(normalize=True, sort=False).to_numpy()
    q = pd.cut(c, edges, right=False).value_counts(normalize=True, sort=False).to_numpy()
    p, q = np.maximum(p, eps), np.maximum(q, eps)
    return float(((q - p) * np.log(q / p)).sum())
'''),
        Variant("histogram_infinite_edges", "np.histogram에 ±inf 경계와 반복문 합", '''
def psi(reference, current, bins=10, eps=1e-4):
    r = np.asarray(reference, dtype=float)
    c = np.asarray(current, dtype=float)
    r, c = r[np.isfinite(r)], c[np.isfinite(c)]
    edges = np.r_[-np.inf, np.unique(np.quantile(r, [i / bins for i in range(1, bins)])), np.inf]
    total = 0.0
    for n_r, n_c in zip(np.histogram(r, edges)[0], np.histogram(c, edges)[0]):
        p, q = max(n_r / len(r), eps), max(n_c / len(c), eps)
        total += (q - p) * np.log(q / p)
    return float(total)
'''),
    ],
    "ex4_chi2_drift": [
        Variant("crosstab", "두 표본을 이어 붙여 pd.crosstab", '''
def chi2_drift(reference, current, alpha=0.05):
    ref = pd.Series(list(reference), dtype=object)
    cur = pd.Series(list(current), dtype=object)
    values = pd.concat([ref, cur], ignore_index=True)
    sample = pd.Series(["reference"] * len(ref) + ["current"] * len(cur))
    keep = values.notna()
    table = pd.crosstab(sample[keep], values[keep])
    statistic, p_value, dof, expected = stats.chi2_contingency(table.to_numpy(), correction=False)
    return {"statistic": float(statistic), "p_value": float(p_value), "drift": bool(p_value < alpha)}
'''),
        Variant("counter", "collections.Counter로 개수 세기", '''
from collections import Counter

def chi2_drift(reference, current, alpha=0.05):
    ref = Counter(v for v in pd.Series(reference, dtype=object) if not pd.isna(v))
    cur = Counter(v for v in pd.Series(current, dtype=object) if not pd.isna(v))
    categories = list(ref.keys() | cur.keys())
    result = stats.chi2_contingency([[ref[k] for k in categories], [cur[k] for k in categories]], correction=False)
    return {"statistic": float(result.statistic), "p_value": float(result.pvalue), "drift": bool(result.pvalue < alpha)}
'''),
    ],
    "ex5_drift_report": [
        Variant("dict_of_columns", "열별 리스트 딕셔너리, select_dtypes로 수치형 판정", '''
def drift_report(reference_df, current_df, alpha=0.05):
    numeric = set(reference_df.select_dtypes("number").columns)
    columns = [c for c in reference_df.columns if c in set(current_df.columns)]
    out = {"test": [], "statistic": [], "p_value": [], "psi": [], "drift": []}
    for column in columns:
        r, c = reference_df[column], current_df[column]
        res = ks_drift(r, c, alpha=alpha) if column in numeric else chi2_drift(r, c, alpha=alpha)
        out["test"].append("ks" if column in numeric else "chi2")
        out["statistic"].append(res["statistic"])
        out["p_value"].append(res["p_value"])
        out["psi"].append(psi(r, c) if column in numeric else float("nan"))
        out["drift"].append(res["drift"])
    return pd.DataFrame(out, index=columns)
'''),
        Variant("from_dict_orient_index", "pd.DataFrame.from_dict(orient='index')", '''
def drift_report(reference_df, current_df, alpha=0.05):
    report = {}
    for column in reference_df.columns.intersection(current_df.columns, sort=False):
        if pd.api.types.is_numeric_dtype(reference_df[column]):
            res = ks_drift(reference_df[column], current_df[column], alpha)
            report[column] = {"test": "ks", **res, "psi": psi(reference_df[column], current_df[column])}
        else:
            res = chi2_drift(reference_df[column], current_df[column], alpha)
            report[column] = {"test": "chi2", **res, "psi": np.nan}
    frame = pd.DataFrame.from_dict(report, orient="index")
    return frame[["test", "statistic", "p_value", "psi", "drift"]].astype({"psi": float, "drift": bool})
'''),
    ],
    "ex6_monitor": [
        Variant("accuracy_score_select", "sklearn accuracy_score와 np.select", '''
from sklearn.metrics import accuracy_score

def monitor(batches, model, reference_X, metric_floor, alpha=0.05):
    accuracy = [float(accuracy_score(y, model.predict(X))) for X, y in batches]
    drift = [bool(drift_report(reference_X, X, alpha=alpha)["drift"].any()) for X, _ in batches]
    action = np.select([np.array(accuracy) < metric_floor, np.array(drift)], ["retrain", "alert"], default="ok")
    return pd.DataFrame({"accuracy": accuracy, "data_drift": drift, "action": [str(a) for a in action]})
'''),
    ],
    "q1_answer": [Variant("numpy_int", "numpy 정수로 입력", "q1_answer = np.int64(1)")],
    "q2_answer": [Variant("expression", "식으로 입력", "q2_answer = 4 // 2")],
    "q3_answer": [Variant("with_comment", "주석과 함께", "q3_answer = 1  # 귀무가설 기각")],
    "q4_answer": [Variant("int_of_string", "문자열을 int로 바꿔 입력", 'q4_answer = int("3")')],
}
