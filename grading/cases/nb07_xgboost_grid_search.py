"""Mutants and alternatives for 07_xgboost_grid_search.

Every mutant must lose all points of its exercise; every alternative must keep them.
DEPENDS: make_grid_search calls param_grid; nested_cv_auc is specified to call make_grid_search, and
make_random_search may (its estimator and splitter are make_grid_search's), so a mutant of those may
also cost their callers their points.
"""
from . import Variant

DEPENDS = {
    "ex2_make_grid_search": ["ex1a_param_grid"],
    "ex4_nested_cv_auc": ["ex2_make_grid_search"],
    "ex5_make_random_search": ["ex2_make_grid_search"],
}

MUTANTS = {
    "ex1a_param_grid": [
        Variant("native_eta_key", "XGBoost 원래 이름 eta를 키로 씀 (scikit-learn 인터페이스는 learning_rate)", '''
def param_grid():
    return {"max_depth": [3, 5, 7], "eta": [0.01, 0.1, 0.2]}
'''),
        Variant("range_excludes_seven", "range(3, 7, 2)로 7을 빠뜨림", '''
def param_grid():
    return {"max_depth": list(range(3, 7, 2)), "learning_rate": [0.01, 0.1, 0.2]}
'''),
        Variant("default_learning_rate", "학습률 후보에 XGBoost 기본값 0.3을 넣음", '''
def param_grid():
    return {"max_depth": [3, 5, 7], "learning_rate": [0.01, 0.1, 0.3]}
'''),
        Variant("float_depths", "max_depth를 실수 배열로 만듦", '''
def param_grid():
    return {"max_depth": np.linspace(3, 7, 3), "learning_rate": [0.01, 0.1, 0.2]}
'''),
    ],
    "ex1b_n_cv_fits": [
        Variant("counts_refit", "마지막 재학습 1번까지 셈", '''
def n_cv_fits(grid, cv):
    grids = [grid] if isinstance(grid, dict) else grid
    total = 0
    for one in grids:
        n = 1
        for values in one.values():
            n *= len(values)
        total += n
    return total * cv + 1
'''),
        Variant("first_grid_only", "딕셔너리의 리스트에서 첫 그리드만 셈", '''
def n_cv_fits(grid, cv):
    if isinstance(grid, list):
        grid = grid[0]
    n = 1
    for values in grid.values():
        n *= len(values)
    return n * cv
'''),
        Variant("merged_grids", "리스트의 그리드를 한 딕셔너리로 합쳐 곱함", '''
def n_cv_fits(grid, cv):
    if isinstance(grid, list):
        grid = {key: values for one in grid for key, values in one.items()}
    n = 1
    for values in grid.values():
        n *= len(values)
    return n * cv
'''),
        Variant("sum_of_lengths", "조합 수를 곱이 아니라 값 개수의 합으로 셈", '''
def n_cv_fits(grid, cv):
    grids = [grid] if isinstance(grid, dict) else grid
    return sum(len(values) for one in grids for values in one.values()) * cv
'''),
        Variant("candidates_only", "폴드 수를 곱하지 않음 (후보 수만)", '''
def n_cv_fits(grid, cv):
    from sklearn.model_selection import ParameterGrid
    return len(ParameterGrid(grid))
'''),
    ],
    "ex2_make_grid_search": [
        Variant("seed_note_code", "시험 노트의 코드 그대로 (use_label_encoder, cv=5, 고정 설정 없음)", '''
def make_grid_search(random_state=0):
    return GridSearchCV(estimator=XGBClassifier(use_label_encoder=False, eval_metric="logloss"),
                        param_grid=param_grid(), cv=5, scoring="roc_auc")
'''),
        Variant("accuracy_scoring", "scoring을 빠뜨려 기본값(정확도)으로 평가", '''
def make_grid_search(random_state=0):
    model = XGBClassifier(n_estimators=50, eval_metric="logloss", random_state=random_state, n_jobs=1)
    return GridSearchCV(model, param_grid(), cv=StratifiedKFold(5, shuffle=True, random_state=random_state))
'''),
        Variant("unshuffled_folds", "cv=5 (섞지 않는 층화 분할)", '''
def make_grid_search(random_state=0):
    model = XGBClassifier(n_estimators=50, eval_metric="logloss", random_state=random_state, n_jobs=1)
    return GridSearchCV(model, param_grid(), cv=5, scoring="roc_auc")
'''),
        Variant("splitter_without_seed", "shuffle=True지만 분할기에 random_state를 주지 않음", '''
def make_grid_search(random_state=0):
    model = XGBClassifier(n_estimators=50, eval_metric="logloss", random_state=random_state, n_jobs=1)
    return GridSearchCV(model, param_grid(), cv=StratifiedKFold(5, shuffle=True), scoring="roc_auc")
'''),
        Variant("plain_kfold", "층화하지 않는 KFold 사용", '''
from sklearn.model_selection import KFold

def make_grid_search(random_state=0):
    model = XGBClassifier(n_estimators=50, eval_metric="logloss", random_state=random_state, n_jobs=1)
    return GridSearchCV(model, param_grid(), cv=KFold(5, shuffle=True, random_state=random_state), scoring="roc_auc")
'''),
        Variant("fixed_seed", "random_state 인자를 무시하고 0으로 고정", '''
def make_grid_search(random_state=0):
    model = XGBClassifier(n_estimators=50, eval_metric="logloss", random_state=0, n_jobs=1)
    return GridSearchCV(model, param_grid(), cv=StratifiedKFold(5, shuffle=True, random_state=0), scoring="roc_auc")
'''),
        Variant("refit_off", "refit=False로 재학습을 끔", '''
def make_grid_search(random_state=0):
    model = XGBClassifier(n_estimators=50, eval_metric="logloss", random_state=random_state, n_jobs=1)
    return GridSearchCV(model, param_grid(), cv=StratifiedKFold(5, shuffle=True, random_state=random_state),
                        scoring="roc_auc", refit=False)
'''),
    ],
    "ex3_best_from_cv_results": [
        Variant("argmax_mean_score", "mean_test_score의 argmax (NaN이 있으면 NaN 후보를 고름)", '''
def best_from_cv_results(cv_results):
    return dict(cv_results["params"][int(np.argmax(cv_results["mean_test_score"]))])
'''),
        Variant("last_of_ties", "동점이면 마지막 후보를 고름", '''
def best_from_cv_results(cv_results):
    ranks = np.asarray(cv_results["rank_test_score"])
    return dict(cv_results["params"][int(np.flatnonzero(ranks == ranks.min())[-1])])
'''),
        Variant("notebook_best_params", "결과표 대신 노트북의 grid_search.best_params_를 반환", '''
def best_from_cv_results(cv_results):
    return dict(grid_search.best_params_)
'''),
        Variant("from_param_columns", "param_* 열로 딕셔너리를 만듦 (후보에 없는 키까지 들어감)", '''
def best_from_cv_results(cv_results):
    best = int(np.argmin(cv_results["rank_test_score"]))
    return {key[len("param_"):]: cv_results[key][best] for key in cv_results if key.startswith("param_")}
'''),
        Variant("highest_rank_number", "순위 숫자가 가장 큰 후보를 고름", '''
def best_from_cv_results(cv_results):
    return dict(cv_results["params"][int(np.argmax(cv_results["rank_test_score"]))])
'''),
    ],
    "ex4_nested_cv_auc": [
        Variant("best_score_not_nested", "중첩 없이 fit 후 best_score_를 반환", '''
def nested_cv_auc(X, y, inner_cv=3, outer_cv=3, random_state=0):
    search = make_grid_search(random_state)
    search.set_params(cv=StratifiedKFold(inner_cv, shuffle=True, random_state=random_state))
    return float(search.fit(X, y).best_score_)
'''),
        Variant("accuracy_outer_scoring", "바깥 루프를 정확도로 평가", '''
def nested_cv_auc(X, y, inner_cv=3, outer_cv=3, random_state=0):
    search = make_grid_search(random_state)
    search.set_params(cv=StratifiedKFold(inner_cv, shuffle=True, random_state=random_state))
    outer = StratifiedKFold(outer_cv, shuffle=True, random_state=random_state)
    return float(cross_val_score(search, X, y, cv=outer, scoring="accuracy").mean())
'''),
        Variant("unshuffled_outer_folds", "바깥 분할에 cv=outer_cv (섞지 않음)", '''
def nested_cv_auc(X, y, inner_cv=3, outer_cv=3, random_state=0):
    search = make_grid_search(random_state)
    search.set_params(cv=StratifiedKFold(inner_cv, shuffle=True, random_state=random_state))
    return float(cross_val_score(search, X, y, cv=outer_cv, scoring="roc_auc").mean())
'''),
        Variant("inner_cv_not_set", "안쪽 cv를 바꾸지 않음 (make_grid_search의 5겹 그대로)", '''
def nested_cv_auc(X, y, inner_cv=3, outer_cv=3, random_state=0):
    search = make_grid_search(random_state)
    outer = StratifiedKFold(outer_cv, shuffle=True, random_state=random_state)
    return float(cross_val_score(search, X, y, cv=outer, scoring="roc_auc").mean())
'''),
        Variant("inner_and_outer_swapped", "inner_cv와 outer_cv를 바꿔 씀", '''
def nested_cv_auc(X, y, inner_cv=3, outer_cv=3, random_state=0):
    search = make_grid_search(random_state)
    search.set_params(cv=StratifiedKFold(outer_cv, shuffle=True, random_state=random_state))
    outer = StratifiedKFold(inner_cv, shuffle=True, random_state=random_state)
    return float(cross_val_score(search, X, y, cv=outer, scoring="roc_auc").mean())
'''),
    ],
    "ex5_make_random_search": [
        Variant("uniform_not_loguniform", "uniform(0.01, 0.2) (두 번째 인자는 너비, 로그 척도도 아님)", '''
from scipy.stats import uniform

def make_random_search(n_iter, random_state=0):
    model = XGBClassifier(n_estimators=50, eval_metric="logloss", random_state=random_state, n_jobs=1)
    return RandomizedSearchCV(model, {"max_depth": randint(3, 8), "learning_rate": uniform(0.01, 0.2)}, n_iter=n_iter,
                              scoring="roc_auc", cv=StratifiedKFold(5, shuffle=True, random_state=random_state),
                              random_state=random_state)
'''),
        Variant("randint_excludes_seven", "randint(3, 7) (위쪽 끝은 포함되지 않음)", '''
def make_random_search(n_iter, random_state=0):
    model = XGBClassifier(n_estimators=50, eval_metric="logloss", random_state=random_state, n_jobs=1)
    return RandomizedSearchCV(model, {"max_depth": randint(3, 7), "learning_rate": loguniform(0.01, 0.2)}, n_iter=n_iter,
                              scoring="roc_auc", cv=StratifiedKFold(5, shuffle=True, random_state=random_state),
                              random_state=random_state)
'''),
        Variant("no_sampling_seed", "RandomizedSearchCV에 random_state를 주지 않음 (후보가 매번 달라짐)", '''
def make_random_search(n_iter, random_state=0):
    model = XGBClassifier(n_estimators=50, eval_metric="logloss", random_state=random_state, n_jobs=1)
    return RandomizedSearchCV(model, {"max_depth": randint(3, 8), "learning_rate": loguniform(0.01, 0.2)}, n_iter=n_iter,
                              scoring="roc_auc", cv=StratifiedKFold(5, shuffle=True, random_state=random_state))
'''),
        Variant("value_lists", "분포 대신 값 목록을 줌", '''
def make_random_search(n_iter, random_state=0):
    model = XGBClassifier(n_estimators=50, eval_metric="logloss", random_state=random_state, n_jobs=1)
    return RandomizedSearchCV(model, {"max_depth": [3, 4, 5, 6, 7], "learning_rate": [0.01, 0.02, 0.05, 0.1, 0.2]},
                              n_iter=n_iter, scoring="roc_auc", cv=StratifiedKFold(5, shuffle=True, random_state=random_state),
                              random_state=random_state)
'''),
        Variant("accuracy_scoring", "scoring을 빠뜨림 (정확도)", '''
def make_random_search(n_iter, random_state=0):
    model = XGBClassifier(n_estimators=50, eval_metric="logloss", random_state=random_state, n_jobs=1)
    return RandomizedSearchCV(model, {"max_depth": randint(3, 8), "learning_rate": loguniform(0.01, 0.2)}, n_iter=n_iter,
                              cv=StratifiedKFold(5, shuffle=True, random_state=random_state), random_state=random_state)
'''),
        Variant("unshuffled_folds", "cv=5 (섞지 않는 분할)", '''
def make_random_search(n_iter, random_state=0):
    model = XGBClassifier(n_estimators=50, eval_metric="logloss", random_state=random_state, n_jobs=1)
    return RandomizedSearchCV(model, {"max_depth": randint(3, 8), "learning_rate": loguniform(0.01, 0.2)}, n_iter=n_iter,
                              scoring="roc_auc", cv=5, random_state=random_state)
'''),
    ],
    "ex6_fit_with_early_stopping": [
        Variant("early_stopping_on_training_set", "훈련 세트로 조기 종료를 감시함", '''
def fit_with_early_stopping(X_train, y_train, X_val, y_val, rounds=20, random_state=0):
    model = XGBClassifier(n_estimators=1000, learning_rate=0.1, eval_metric="logloss", early_stopping_rounds=rounds,
                          random_state=random_state, n_jobs=1)
    return model.fit(X_train, y_train, eval_set=[(X_train, y_train)], verbose=False)
'''),
        Variant("training_set_watched_last", "eval_set의 마지막에 훈련 세트를 둠 (마지막 세트로 멈춤)", '''
def fit_with_early_stopping(X_train, y_train, X_val, y_val, rounds=20, random_state=0):
    model = XGBClassifier(n_estimators=1000, learning_rate=0.1, eval_metric="logloss", early_stopping_rounds=rounds,
                          random_state=random_state, n_jobs=1)
    return model.fit(X_train, y_train, eval_set=[(X_val, y_val), (X_train, y_train)], verbose=False)
'''),
        Variant("rounds_ignored", "rounds 인자를 무시하고 20으로 고정", '''
def fit_with_early_stopping(X_train, y_train, X_val, y_val, rounds=20, random_state=0):
    model = XGBClassifier(n_estimators=1000, learning_rate=0.1, eval_metric="logloss", early_stopping_rounds=20,
                          random_state=random_state, n_jobs=1)
    return model.fit(X_train, y_train, eval_set=[(X_val, y_val)], verbose=False)
'''),
        Variant("default_learning_rate", "learning_rate를 빠뜨림 (기본값 0.3)", '''
def fit_with_early_stopping(X_train, y_train, X_val, y_val, rounds=20, random_state=0):
    model = XGBClassifier(n_estimators=1000, eval_metric="logloss", early_stopping_rounds=rounds,
                          random_state=random_state, n_jobs=1)
    return model.fit(X_train, y_train, eval_set=[(X_val, y_val)], verbose=False)
'''),
        Variant("no_early_stopping", "early_stopping_rounds 없이 1000개를 모두 학습", '''
def fit_with_early_stopping(X_train, y_train, X_val, y_val, rounds=20, random_state=0):
    model = XGBClassifier(n_estimators=1000, learning_rate=0.1, eval_metric="logloss", random_state=random_state, n_jobs=1)
    return model.fit(X_train, y_train, eval_set=[(X_val, y_val)], verbose=False)
'''),
        Variant("train_and_validation_swapped", "검증 세트로 학습하고 훈련 세트로 감시함", '''
def fit_with_early_stopping(X_train, y_train, X_val, y_val, rounds=20, random_state=0):
    model = XGBClassifier(n_estimators=1000, learning_rate=0.1, eval_metric="logloss", early_stopping_rounds=rounds,
                          random_state=random_state, n_jobs=1)
    return model.fit(X_val, y_val, eval_set=[(X_train, y_train)], verbose=False)
'''),
    ],
    "q1_answer": [
        Variant("forgets_folds_and_refit", "후보 수(3·3·2)만 셈", "q1_answer = 1"),
        Variant("forgets_refit", "재학습 1번을 빠뜨림 (90)", "q1_answer = 3"),
    ],
    "q2_answer": [
        Variant("training_score", "best_score_를 훈련 점수로 오해", "q2_answer = 1"),
        Variant("overlapping_folds", "폴드가 겹친다고 오해", "q2_answer = 4"),
    ],
    "q3_answer": [
        Variant("same_model", "best_params_에 모든 설정이 있다고 오해", "q3_answer = 1"),
        Variant("refit_with_test", "테스트 세트까지 합쳐 재학습해야 한다고 오해", "q3_answer = 3"),
    ],
    "q4_answer": [
        Variant("bagging_sequential", "배깅과 부스팅을 뒤바꿈", "q4_answer = 1"),
        Variant("boosting_parallel_rounds", "부스팅 라운드를 병렬로 학습한다고 오해", "q4_answer = 3"),
    ],
}

ALTERNATIVES = {
    "ex1a_param_grid": [
        Variant("dict_call_and_range", "dict()와 range로 작성", '''
def param_grid():
    return dict(max_depth=list(range(3, 8, 2)), learning_rate=[1e-2, 1e-1, 2e-1])
'''),
    ],
    "ex1b_n_cv_fits": [
        Variant("parameter_grid_len", "sklearn ParameterGrid의 길이", '''
from sklearn.model_selection import ParameterGrid

def n_cv_fits(grid, cv):
    return len(ParameterGrid(grid)) * cv
'''),
        Variant("numpy_prod", "np.prod와 sum (numpy 정수 반환)", '''
def n_cv_fits(grid, cv):
    grids = grid if isinstance(grid, (list, tuple)) else [grid]
    return np.sum([np.prod([len(v) for v in g.values()], dtype=np.int64) for g in grids], dtype=np.int64) * cv
'''),
    ],
    "ex2_make_grid_search": [
        Variant("keywords_and_list_grid", "키워드 인자와 딕셔너리 하나를 담은 리스트 그리드", '''
def make_grid_search(random_state=0):
    splitter = StratifiedKFold(shuffle=True, n_splits=5, random_state=random_state)
    model = XGBClassifier(eval_metric="logloss", n_jobs=1, random_state=random_state, n_estimators=50)
    return GridSearchCV(estimator=model, param_grid=[param_grid()], cv=splitter, scoring="roc_auc")
'''),
    ],
    "ex3_best_from_cv_results": [
        Variant("pandas_stable_sort", "DataFrame을 순위로 안정 정렬", '''
def best_from_cv_results(cv_results):
    table = pd.DataFrame({"rank": np.asarray(cv_results["rank_test_score"]), "params": list(cv_results["params"])})
    return dict(table.sort_values("rank", kind="stable")["params"].iloc[0])
'''),
        Variant("python_loop", "순수 파이썬 반복문", '''
def best_from_cv_results(cv_results):
    ranks = list(cv_results["rank_test_score"])
    best = 0
    for i in range(1, len(ranks)):
        if ranks[i] < ranks[best]:
            best = i
    return {key: value for key, value in cv_results["params"][best].items()}
'''),
    ],
    "ex4_nested_cv_auc": [
        Variant("manual_outer_loop", "바깥 루프를 직접 돌리고 roc_auc_score로 평가", '''
def nested_cv_auc(X, y, inner_cv=3, outer_cv=3, random_state=0):
    X, y = np.asarray(X), np.asarray(y)
    scores = []
    for train, test in StratifiedKFold(outer_cv, shuffle=True, random_state=random_state).split(X, y):
        search = make_grid_search(random_state).set_params(
            cv=StratifiedKFold(inner_cv, shuffle=True, random_state=random_state))
        search.fit(X[train], y[train])
        scores.append(roc_auc_score(y[test], search.predict_proba(X[test])[:, 1]))
    return float(np.mean(scores))
'''),
        Variant("search_scorer_default", "cross_val_score의 scoring 생략 (탐색 객체의 AUC 점수 사용)", '''
def nested_cv_auc(X, y, inner_cv=3, outer_cv=3, random_state=0):
    search = make_grid_search(random_state)
    search.cv = StratifiedKFold(n_splits=inner_cv, shuffle=True, random_state=random_state)
    return cross_val_score(search, X, y, cv=StratifiedKFold(n_splits=outer_cv, shuffle=True,
                                                           random_state=random_state)).mean()
'''),
    ],
    "ex5_make_random_search": [
        Variant("reuses_grid_search_parts", "make_grid_search의 추정기와 분할기를 재사용, reciprocal 분포", '''
from scipy.stats import reciprocal

def make_random_search(n_iter, random_state=0):
    base = make_grid_search(random_state)
    distributions = {"learning_rate": reciprocal(a=0.01, b=0.2), "max_depth": randint(low=3, high=8)}
    return RandomizedSearchCV(base.estimator, param_distributions=distributions, n_iter=n_iter, cv=base.cv,
                              scoring=base.scoring, random_state=random_state)
'''),
    ],
    "ex6_fit_with_early_stopping": [
        Variant("set_params_and_both_sets", "set_params로 설정하고 훈련·검증 세트를 모두 기록 (검증 세트가 마지막)", '''
def fit_with_early_stopping(X_train, y_train, X_val, y_val, rounds=20, random_state=0):
    model = XGBClassifier()
    model.set_params(n_estimators=1000, learning_rate=0.1, eval_metric="logloss", n_jobs=1,
                     early_stopping_rounds=rounds, random_state=random_state)
    model.fit(X_train, y_train, eval_set=[(X_train, y_train), (X_val, y_val)], verbose=0)
    return model
'''),
    ],
    "q1_answer": [Variant("with_comment", "주석과 함께", "q1_answer = 4  # 3·3·2 후보 × 5겹 + 재학습 1번")],
    "q2_answer": [Variant("numpy_int", "numpy 정수로 입력", "q2_answer = np.int64(2)")],
    "q3_answer": [Variant("string_converted", "문자열을 정수로 바꿔 입력", 'q3_answer = int("2")')],
    "q4_answer": [Variant("with_comment", "주석과 함께", "q4_answer = 2  # 부스팅은 편향, 배깅은 분산")],
}
