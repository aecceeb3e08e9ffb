"""Mutants and alternatives for 05_lime_shap.

Every mutant must lose all points of its exercise; every alternative must keep them.
"""
from . import Variant

# lime_stability averages topk_jaccard over the pairs of seeds (the reference solution calls it).
DEPENDS = {"ex5b_lime_stability": ["ex5a_topk_jaccard"]}

MUTANTS = {
    "ex1_exact_shapley": [
        Variant("no_shapley_weights", "가중치 |S|!(d−|S|−1)!/d! 없이 한계 기여를 그냥 더함", '''
import itertools

def exact_shapley(f, x, background):
    x, background = np.asarray(x, dtype=float), np.asarray(background, dtype=float)
    d = len(x)
    def v(S):
        Z = background.copy()
        Z[:, list(S)] = x[list(S)]
        return float(np.mean(f(Z)))
    phi = np.zeros(d)
    for i in range(d):
        others = [j for j in range(d) if j != i]
        for size in range(d):
            for S in itertools.combinations(others, size):
                phi[i] += v(S + (i,)) - v(S)
    return phi
'''),
        Variant("uniform_coalition_weights", "모든 연합에 같은 가중치 1/2^(d−1) (Banzhaf 값)", '''
import itertools

def exact_shapley(f, x, background):
    x, background = np.asarray(x, dtype=float), np.asarray(background, dtype=float)
    d = len(x)
    def v(S):
        Z = background.copy()
        Z[:, list(S)] = x[list(S)]
        return float(np.mean(f(Z)))
    phi = np.zeros(d)
    for i in range(d):
        others = [j for j in range(d) if j != i]
        for size in range(d):
            for S in itertools.combinations(others, size):
                phi[i] += (v(S + (i,)) - v(S)) / 2 ** (d - 1)
    return phi
'''),
        Variant("zeros_baseline", "연합 밖의 특성을 배경 대신 0으로 채움", '''
import itertools
import math

def exact_shapley(f, x, background):
    x = np.asarray(x, dtype=float)
    d = len(x)
    def v(S):
        Z = np.zeros((1, d))
        Z[:, list(S)] = x[list(S)]
        return float(np.mean(f(Z)))
    phi = np.zeros(d)
    for i in range(d):
        others = [j for j in range(d) if j != i]
        for size in range(d):
            w = math.factorial(size) * math.factorial(d - size - 1) / math.factorial(d)
            for S in itertools.combinations(others, size):
                phi[i] += w * (v(S + (i,)) - v(S))
    return phi
'''),
        Variant("mean_background_row", "배경 행마다 예측을 평균하지 않고 배경의 평균 행 하나만 씀", '''
import itertools
import math

def exact_shapley(f, x, background):
    x = np.asarray(x, dtype=float)
    center = np.asarray(background, dtype=float).mean(axis=0, keepdims=True)
    d = len(x)
    def v(S):
        Z = center.copy()
        Z[:, list(S)] = x[list(S)]
        return float(f(Z)[0])
    phi = np.zeros(d)
    for i in range(d):
        others = [j for j in range(d) if j != i]
        for size in range(d):
            w = math.factorial(size) * math.factorial(d - size - 1) / math.factorial(d)
            for S in itertools.combinations(others, size):
                phi[i] += w * (v(S + (i,)) - v(S))
    return phi
'''),
        Variant("weight_off_by_one", "가중치를 |S|!(d−|S|)!/d!로 씀 (−1을 빠뜨림)", '''
import itertools
import math

def exact_shapley(f, x, background):
    x, background = np.asarray(x, dtype=float), np.asarray(background, dtype=float)
    d = len(x)
    def v(S):
        Z = background.copy()
        Z[:, list(S)] = x[list(S)]
        return float(np.mean(f(Z)))
    phi = np.zeros(d)
    for i in range(d):
        others = [j for j in range(d) if j != i]
        for size in range(d):
            w = math.factorial(size) * math.factorial(d - size) / math.factorial(d)
            for S in itertools.combinations(others, size):
                phi[i] += w * (v(S + (i,)) - v(S))
    return phi
'''),
        Variant("single_feature_effect", "연합을 나열하지 않고 v({i}) − v(∅)만 계산", '''
def exact_shapley(f, x, background):
    x, background = np.asarray(x, dtype=float), np.asarray(background, dtype=float)
    base = float(np.mean(f(background)))
    phi = np.zeros(len(x))
    for i in range(len(x)):
        Z = background.copy()
        Z[:, i] = x[i]
        phi[i] = float(np.mean(f(Z))) - base
    return phi
'''),
        Variant("leave_one_out", "v(N) − v(N∖{i})만 계산 (마지막에 합류할 때의 기여)", '''
def exact_shapley(f, x, background):
    x, background = np.asarray(x, dtype=float), np.asarray(background, dtype=float)
    full = float(f(x[None, :])[0])
    phi = np.zeros(len(x))
    for i in range(len(x)):
        Z = np.repeat(x[None, :], len(background), axis=0)
        Z[:, i] = background[:, i]
        phi[i] = full - float(np.mean(f(Z)))
    return phi
'''),
        Variant("background_modified_in_place", "배경 배열을 복사하지 않고 직접 바꿈 (입력 변경)", '''
import itertools
import math

def exact_shapley(f, x, background):
    d = len(x)
    def v(S):
        Z = background
        Z[:, list(S)] = x[list(S)]
        return float(np.mean(f(Z)))
    phi = np.zeros(d)
    for i in range(d):
        others = [j for j in range(d) if j != i]
        for size in range(d):
            w = math.factorial(size) * math.factorial(d - size - 1) / math.factorial(d)
            for S in itertools.combinations(others, size):
                phi[i] += w * (v(S + (i,)) - v(S))
    return phi
'''),
    ],
    "ex2_tree_shap_values": [
        Variant("probability_space", "model_output=\"probability\"로 확률 공간의 SHAP 값을 구함", '''
def tree_shap_values(model, X):
    return shap.TreeExplainer(model, X, model_output="probability").shap_values(X)
'''),
        Variant("interventional_with_data", "배경 데이터를 넘겨 interventional 방식으로 계산", '''
def tree_shap_values(model, X):
    return shap.TreeExplainer(model, data=X).shap_values(X)
'''),
        Variant("class_index_like_forest", "랜덤 포레스트 습관으로 [1]을 붙여 한 행만 반환", '''
def tree_shap_values(model, X):
    return shap.TreeExplainer(model).shap_values(X)[1]
'''),
        Variant("contribs_with_bias", "XGBoost pred_contribs를 그대로: 마지막 bias 열까지 (n, d+1)", '''
def tree_shap_values(model, X):
    return model.get_booster().predict(xgb.DMatrix(X), pred_contribs=True)
'''),
        Variant("explanation_object", "배열 대신 shap.Explanation 객체를 반환", '''
def tree_shap_values(model, X):
    return shap.TreeExplainer(model)(X)
'''),
    ],
    "ex3_global_importance": [
        Variant("mean_signed", "절댓값 없이 부호 있는 SHAP의 평균", '''
def global_importance(shap_values, feature_names):
    imp = pd.Series(np.asarray(shap_values, dtype=float).mean(axis=0), index=list(feature_names))
    return imp.sort_values(ascending=False, kind="stable")
'''),
        Variant("abs_of_mean", "평균을 낸 뒤 절댓값 (|평균 SHAP|)", '''
def global_importance(shap_values, feature_names):
    imp = pd.Series(np.abs(np.asarray(shap_values, dtype=float).mean(axis=0)), index=list(feature_names))
    return imp.sort_values(ascending=False, kind="stable")
'''),
        Variant("ascending_then_reversed", "오름차순 정렬 후 뒤집기: 같은 값의 순서가 거꾸로", '''
def global_importance(shap_values, feature_names):
    imp = pd.Series(np.abs(np.asarray(shap_values, dtype=float)).mean(axis=0), index=list(feature_names))
    return imp.sort_values(kind="stable")[::-1]
'''),
        Variant("not_sorted", "정렬하지 않음", '''
def global_importance(shap_values, feature_names):
    return pd.Series(np.abs(np.asarray(shap_values, dtype=float)).mean(axis=0), index=list(feature_names))
'''),
        Variant("sum_not_mean", "평균 대신 합", '''
def global_importance(shap_values, feature_names):
    imp = pd.Series(np.abs(np.asarray(shap_values, dtype=float)).sum(axis=0), index=list(feature_names))
    return imp.sort_values(ascending=False, kind="stable")
'''),
        Variant("max_abs", "평균 대신 최대 |SHAP|", '''
def global_importance(shap_values, feature_names):
    imp = pd.Series(np.abs(np.asarray(shap_values, dtype=float)).max(axis=0), index=list(feature_names))
    return imp.sort_values(ascending=False, kind="stable")
'''),
    ],
    "ex4_lime_weights": [
        Variant("wrong_class", "레이블 0(음성 클래스)의 가중치를 반환", '''
def lime_weights(predict_proba, X_train, x, feature_names, num_features=5, random_state=0):
    explainer = LimeTabularExplainer(X_train, feature_names=feature_names, mode="classification",
                                     random_state=random_state)
    exp = explainer.explain_instance(x, predict_proba, labels=(0, 1), num_features=num_features)
    return dict(exp.as_list(label=0))
'''),
        Variant("predicted_label", "top_labels=1로 예측된 클래스를 설명 (양성으로 예측되지 않으면 레이블 0)", '''
def lime_weights(predict_proba, X_train, x, feature_names, num_features=5, random_state=0):
    explainer = LimeTabularExplainer(X_train, feature_names=feature_names, mode="classification",
                                     random_state=random_state)
    exp = explainer.explain_instance(x, predict_proba, num_features=num_features, top_labels=1)
    return dict(exp.as_list(label=exp.available_labels()[0]))
'''),
        Variant("num_features_ignored", "num_features를 무시하고 5개로 고정", '''
def lime_weights(predict_proba, X_train, x, feature_names, num_features=5, random_state=0):
    explainer = LimeTabularExplainer(X_train, feature_names=feature_names, mode="classification",
                                     random_state=random_state)
    return dict(explainer.explain_instance(x, predict_proba, num_features=5).as_list(label=1))
'''),
        Variant("random_state_ignored", "random_state를 무시하고 0으로 고정", '''
def lime_weights(predict_proba, X_train, x, feature_names, num_features=5, random_state=0):
    explainer = LimeTabularExplainer(X_train, feature_names=feature_names, mode="classification", random_state=0)
    return dict(explainer.explain_instance(x, predict_proba, num_features=num_features).as_list(label=1))
'''),
        Variant("no_feature_names", "feature_names를 넘기지 않아 설명에 열 번호가 나옴", '''
def lime_weights(predict_proba, X_train, x, feature_names, num_features=5, random_state=0):
    explainer = LimeTabularExplainer(X_train, mode="classification", random_state=random_state)
    return dict(explainer.explain_instance(x, predict_proba, num_features=num_features).as_list(label=1))
'''),
        Variant("fewer_samples", "속도를 위해 num_samples=1000으로 줄임 (다른 교란 샘플)", '''
def lime_weights(predict_proba, X_train, x, feature_names, num_features=5, random_state=0):
    explainer = LimeTabularExplainer(X_train, feature_names=feature_names, mode="classification",
                                     random_state=random_state)
    exp = explainer.explain_instance(x, predict_proba, num_features=num_features, num_samples=1000)
    return dict(exp.as_list(label=1))
'''),
        Variant("feature_index_keys", "as_map()[1]: 설명 문장 대신 특성 번호를 키로", '''
def lime_weights(predict_proba, X_train, x, feature_names, num_features=5, random_state=0):
    explainer = LimeTabularExplainer(X_train, feature_names=feature_names, mode="classification",
                                     random_state=random_state)
    return dict(explainer.explain_instance(x, predict_proba, num_features=num_features).as_map()[1])
'''),
    ],
    "ex5a_topk_jaccard": [
        Variant("lists_with_duplicates", "집합으로 바꾸지 않고 리스트로 셈 (중복을 여러 번 셈)", '''
def topk_jaccard(a, b):
    a, b = list(a), list(b)
    if not a and not b:
        return 1.0
    common = sum(1 for item in a if item in b)
    return common / (len(a) + len(b) - common)
'''),
        Variant("empty_is_zero", "둘 다 비면 0.0을 반환", '''
def topk_jaccard(a, b):
    A, B = set(a), set(b)
    return len(A & B) / len(A | B) if A | B else 0.0
'''),
        Variant("zero_division", "둘 다 비는 경우를 처리하지 않음 (ZeroDivisionError)", '''
def topk_jaccard(a, b):
    A, B = set(a), set(b)
    return len(A & B) / len(A | B)
'''),
        Variant("overlap_over_first", "합집합 대신 첫 번째 모음의 크기로 나눔", '''
def topk_jaccard(a, b):
    A, B = set(a), set(b)
    return len(A & B) / len(A) if A else 1.0
'''),
        Variant("dice_coefficient", "Jaccard 대신 Dice 계수 2|A∩B|/(|A|+|B|)", '''
def topk_jaccard(a, b):
    A, B = set(a), set(b)
    return 2 * len(A & B) / (len(A) + len(B)) if A or B else 1.0
'''),
    ],
    "ex5b_lime_stability": [
        Variant("consecutive_pairs", "모든 쌍이 아니라 이웃한 시드끼리만 비교", '''
def lime_stability(predict_proba, X_train, x, feature_names, seeds, k=5, num_samples=500):
    sets = []
    for seed in seeds:
        explainer = LimeTabularExplainer(X_train, feature_names=feature_names, mode="classification", random_state=seed)
        exp = explainer.explain_instance(x, predict_proba, num_features=k, num_samples=num_samples)
        sets.append([feature_names[j] for j, _ in exp.as_map()[1]])
    return float(np.mean([topk_jaccard(sets[i], sets[i + 1]) for i in range(len(sets) - 1)]))
'''),
        Variant("shared_explainer", "설명기 하나를 첫 시드로 만들어 재사용", '''
def lime_stability(predict_proba, X_train, x, feature_names, seeds, k=5, num_samples=500):
    import itertools
    explainer = LimeTabularExplainer(X_train, feature_names=feature_names, mode="classification",
                                     random_state=list(seeds)[0])
    sets = []
    for _ in seeds:
        exp = explainer.explain_instance(x, predict_proba, num_features=k, num_samples=num_samples)
        sets.append([feature_names[j] for j, _ in exp.as_map()[1]])
    return float(np.mean([topk_jaccard(a, b) for a, b in itertools.combinations(sets, 2)]))
'''),
        Variant("num_samples_ignored", "num_samples를 넘기지 않음 (기본 5000개)", '''
def lime_stability(predict_proba, X_train, x, feature_names, seeds, k=5, num_samples=500):
    import itertools
    sets = []
    for seed in seeds:
        explainer = LimeTabularExplainer(X_train, feature_names=feature_names, mode="classification", random_state=seed)
        exp = explainer.explain_instance(x, predict_proba, num_features=k)
        sets.append([feature_names[j] for j, _ in exp.as_map()[1]])
    return float(np.mean([topk_jaccard(a, b) for a, b in itertools.combinations(sets, 2)]))
'''),
        Variant("k_ignored", "k를 무시하고 특성 5개로 고정", '''
def lime_stability(predict_proba, X_train, x, feature_names, seeds, k=5, num_samples=500):
    import itertools
    sets = []
    for seed in seeds:
        explainer = LimeTabularExplainer(X_train, feature_names=feature_names, mode="classification", random_state=seed)
        exp = explainer.explain_instance(x, predict_proba, num_features=5, num_samples=num_samples)
        sets.append([feature_names[j] for j, _ in exp.as_map()[1]])
    return float(np.mean([topk_jaccard(a, b) for a, b in itertools.combinations(sets, 2)]))
'''),
        Variant("self_pairs_included", "자기 자신과의 쌍(J=1)까지 평균에 넣음", '''
def lime_stability(predict_proba, X_train, x, feature_names, seeds, k=5, num_samples=500):
    import itertools
    sets = []
    for seed in seeds:
        explainer = LimeTabularExplainer(X_train, feature_names=feature_names, mode="classification", random_state=seed)
        exp = explainer.explain_instance(x, predict_proba, num_features=k, num_samples=num_samples)
        sets.append([feature_names[j] for j, _ in exp.as_map()[1]])
    return float(np.mean([topk_jaccard(a, b) for a, b in itertools.combinations_with_replacement(sets, 2)]))
'''),
        Variant("substring_name_lookup", "설명 문장에 들어 있는 이름을 모두 찾음 ('radius'가 'mean radius'에도 걸림)", '''
def lime_stability(predict_proba, X_train, x, feature_names, seeds, k=5, num_samples=500):
    import itertools
    sets = []
    for seed in seeds:
        explainer = LimeTabularExplainer(X_train, feature_names=feature_names, mode="classification", random_state=seed)
        exp = explainer.explain_instance(x, predict_proba, num_features=k, num_samples=num_samples)
        sets.append([name for text, _ in exp.as_list(label=1) for name in feature_names if name in text])
    return float(np.mean([topk_jaccard(a, b) for a, b in itertools.combinations(sets, 2)]))
'''),
        Variant("first_seed_as_reference", "첫 시드의 설명과 나머지만 비교", '''
def lime_stability(predict_proba, X_train, x, feature_names, seeds, k=5, num_samples=500):
    sets = []
    for seed in seeds:
        explainer = LimeTabularExplainer(X_train, feature_names=feature_names, mode="classification", random_state=seed)
        exp = explainer.explain_instance(x, predict_proba, num_features=k, num_samples=num_samples)
        sets.append([feature_names[j] for j, _ in exp.as_map()[1]])
    return float(np.mean([topk_jaccard(sets[0], other) for other in sets[1:]]))
'''),
    ],
}

ALTERNATIVES = {
    "ex1_exact_shapley": [
        Variant("all_orderings", "d!개의 순서를 모두 나열해 한계 기여를 평균 (가중치 대신 순열)", '''
from itertools import permutations

def exact_shapley(f, x, background):
    x = np.asarray(x, dtype=float)
    d = x.size
    cache = {}
    def value(members):
        key = frozenset(members)
        if key not in cache:
            Z = np.array(background, dtype=float)
            cols = sorted(key)
            Z[:, cols] = x[cols]
            cache[key] = np.mean(f(Z))
        return cache[key]
    phi = np.zeros(d)
    orders = list(permutations(range(d)))
    for order in orders:
        before = []
        for i in order:
            phi[i] += value(before + [i]) - value(before)
            before.append(i)
    return phi / len(orders)
'''),
        Variant("bitmask_vectorised", "2^d개 마스크를 한 번에 만들어 f를 한 번만 호출", '''
from math import comb

def exact_shapley(f, x, background):
    x = np.asarray(x, dtype=float)
    B = np.asarray(background, dtype=float)
    n, d = B.shape
    masks = (np.arange(2 ** d)[:, None] >> np.arange(d)) & 1          # (2^d, d)
    Z = np.where(masks[:, None, :] == 1, x[None, None, :], B[None, :, :]).reshape(-1, d)
    v = np.asarray(f(Z), dtype=float).reshape(2 ** d, n).mean(axis=1)
    sizes = masks.sum(axis=1)
    phi = np.zeros(d)
    for i in range(d):
        without = np.flatnonzero(masks[:, i] == 0)
        s = sizes[without]
        weights = 1.0 / (d * np.array([comb(d - 1, int(k)) for k in s]))
        phi[i] = np.sum(weights * (v[without + 2 ** i] - v[without]))
    return phi
'''),
        Variant("shap_exact_explainer", "shap.ExactExplainer와 Independent 마스커 (같은 정의)", '''
def exact_shapley(f, x, background):
    background = np.asarray(background, dtype=float)
    masker = shap.maskers.Independent(background, max_samples=len(background))
    explanation = shap.ExactExplainer(f, masker)(np.asarray(x, dtype=float)[None, :], silent=True)
    return np.asarray(explanation.values[0], dtype=float)
'''),
    ],
    "ex2_tree_shap_values": [
        Variant("explainer_call_values", "explainer(X).values (Explanation 객체에서 배열)", '''
def tree_shap_values(model, X):
    return shap.TreeExplainer(model)(X).values
'''),
        Variant("xgboost_pred_contribs", "XGBoost 내장 TreeSHAP(pred_contribs)에서 bias 열을 뺌", '''
def tree_shap_values(model, X):
    contribs = model.get_booster().predict(xgb.DMatrix(np.asarray(X)), pred_contribs=True)
    return contribs[:, :-1]
'''),
        Variant("explicit_path_dependent_float64", "feature_perturbation을 명시하고 float64로 변환", '''
def tree_shap_values(model, X):
    explainer = shap.TreeExplainer(model, feature_perturbation="tree_path_dependent", model_output="raw")
    return np.asarray(explainer.shap_values(X), dtype=np.float64)
'''),
    ],
    "ex3_global_importance": [
        Variant("dataframe_mergesort", "DataFrame.abs().mean()과 mergesort", '''
def global_importance(shap_values, feature_names):
    frame = pd.DataFrame(np.asarray(shap_values), columns=list(feature_names))
    return frame.abs().mean().sort_values(ascending=False, kind="mergesort").rename("mean_abs_shap")
'''),
        Variant("python_sorted", "파이썬 sorted(안정 정렬)와 float32", '''
def global_importance(shap_values, feature_names):
    names = list(feature_names)
    imp = [float(np.mean(np.abs(np.asarray(shap_values)[:, j]))) for j in range(len(names))]
    order = sorted(range(len(names)), key=lambda j: -imp[j])
    return pd.Series([imp[j] for j in order], index=[names[j] for j in order], dtype=np.float32)
'''),
        Variant("numpy_stable_argsort", "np.argsort(-값, kind='stable')", '''
def global_importance(shap_values, feature_names):
    imp = np.abs(np.asarray(shap_values, dtype=float)).mean(axis=0)
    order = np.argsort(-imp, kind="stable")
    return pd.Series(imp[order], index=[feature_names[j] for j in order], name="importance")
'''),
    ],
    "ex4_lime_weights": [
        Variant("default_label", "labels를 생략 (기본 labels=(1,)), as_list()의 기본 label=1", '''
def lime_weights(predict_proba, X_train, x, feature_names, num_features=5, random_state=0):
    explainer = LimeTabularExplainer(X_train, mode="classification", feature_names=feature_names,
                                     random_state=random_state)
    return dict(explainer.explain_instance(x, predict_proba, num_features=num_features).as_list())
'''),
        Variant("both_labels_then_pick", "labels=(0, 1)로 둘 다 설명하고 레이블 1을 고름, 반복문으로 사전 작성", '''
def lime_weights(predict_proba, X_train, x, feature_names, num_features=5, random_state=0):
    explainer = LimeTabularExplainer(X_train, feature_names=feature_names, mode="classification",
                                     random_state=random_state)
    exp = explainer.explain_instance(x, predict_proba, labels=(0, 1), num_features=num_features)
    weights = {}
    for text, weight in exp.as_list(label=1):
        weights[text] = float(weight)
    return weights
'''),
    ],
    "ex5a_topk_jaccard": [
        Variant("set_methods", "intersection/union 메서드와 합집합 크기 검사", '''
def topk_jaccard(a, b):
    union = set(a).union(b)
    if len(union) == 0:
        return 1.0
    return len(set(a).intersection(b)) / len(union)
'''),
        Variant("dict_keys", "dict.fromkeys로 중복 제거", '''
def topk_jaccard(a, b):
    A, B = dict.fromkeys(a), dict.fromkeys(b)
    both = [key for key in A if key in B]
    total = len(A) + len(B) - len(both)
    return 1.0 if total == 0 else float(len(both)) / total
'''),
    ],
    "ex5b_lime_stability": [
        Variant("parse_descriptions", "설명 문장에서 부등호와 숫자를 지워 이름을 찾음, 직접 Jaccard 계산", '''
import re

def lime_stability(predict_proba, X_train, x, feature_names, seeds, k=5, num_samples=500):
    def plain(text):
        text = re.sub(r"^-?[0-9.]+ < ", "", text)
        return re.sub(r" (<=|>=|<|>) -?[0-9.]+$", "", text)
    sets = []
    for seed in seeds:
        explainer = LimeTabularExplainer(X_train, feature_names=feature_names, mode="classification", random_state=seed)
        exp = explainer.explain_instance(x, predict_proba, num_features=k, num_samples=num_samples)
        sets.append({plain(text) for text, _ in exp.as_list(label=1)})
    scores = []
    for i in range(len(sets)):
        for j in range(i + 1, len(sets)):
            union = sets[i] | sets[j]
            scores.append(len(sets[i] & sets[j]) / len(union) if union else 1.0)
    return sum(scores) / len(scores)
'''),
        Variant("longest_name_match", "문장에 든 이름 중 가장 긴 이름, 쌍마다 topk_jaccard", '''
from itertools import combinations

def lime_stability(predict_proba, X_train, x, feature_names, seeds, k=5, num_samples=500):
    tops = []
    for seed in seeds:
        explainer = LimeTabularExplainer(X_train, feature_names=feature_names, mode="classification", random_state=seed)
        exp = explainer.explain_instance(x, predict_proba, labels=[1], num_features=k, num_samples=num_samples)
        tops.append([max((n for n in feature_names if n in text), key=len) for text, _ in exp.as_list(label=1)])
    pairs = list(combinations(tops, 2))
    return sum(topk_jaccard(a, b) for a, b in pairs) / len(pairs)
'''),
    ],
}

ALTERNATIVES.update({
    "q1_answer": [Variant("string_to_int", "int()로 변환", 'q1_answer = int("2")')],
    "q2_answer": [Variant("numpy_int", "numpy 정수", "q2_answer = np.int64(3)")],
    "q3_answer": [Variant("expression", "식으로 입력", "q3_answer = 3 - 2")],
    "q4_answer": [Variant("with_comment", "주석과 함께", "q4_answer = 4  # 블랙박스")],
})

MUTANTS.update({
    "q1_answer": [Variant("shapley_confusion", "SHAP(Shapley 값)의 원리와 혼동", "q1_answer = 1"),
                  Variant("treeshap_confusion", "TreeSHAP과 혼동", "q1_answer = 3")],
    "q2_answer": [Variant("probability_space", "SHAP 값이 확률 공간이라고 오해", "q2_answer = 1"),
                  Variant("signed_mean", "부호 있는 평균을 전역 중요도로 씀", "q2_answer = 4")],
    "q3_answer": [Variant("tree_only", "모델 무관(model-agnostic)의 뜻을 놓침", "q3_answer = 2"),
                  Variant("exact_cost", "정확한 Shapley 계산의 비용과 혼동", "q3_answer = 4")],
    "q4_answer": [Variant("no_model_agnostic", "모델 무관 기법은 딥러닝에도 쓸 수 있음을 놓침", "q4_answer = 2"),
                  Variant("no_probability", "출력 형식과 해석 가능성을 혼동", "q4_answer = 1"),
                  Variant("string_answer", "번호를 문자열로 입력", 'q4_answer = "4"')],
})
