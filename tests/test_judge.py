"""Which instructor cells the judge runs (grading.judge.cells_tests_need): every cell whose names a
later test cell reads, directly or through another kept cell; never fewer when in doubt."""
from grading.judge import cells_tests_need


def test_a_worked_example_no_test_reads_is_left_to_the_students_kernel():
    instructor = [
        (0, "import numpy as np\nSEED = setup_notebook()"),
        (1, "X = np.arange(12.0).reshape(6, 2)\ny = X[:, 0] > 3"),
        (2, "fig, ax = plt.subplots()\nax.scatter(X[:, 0], X[:, 1])"),   # a plot: nothing a test reads
        (4, "grid = make_grid(X, y)\ngrid.fit(X, y)"),                   # calls the student's function
        (6, "print(np.mean(X))"),
    ]
    tests = [(3, "_got = call(make_grid, X, y)\nexpect_float(_got.best_score_, 1.0)"), (5, "expect_type(1, int)")]
    assert cells_tests_need(instructor, tests) == {0, 1}


def test_cells_that_change_a_needed_object_in_place_are_kept():
    instructor = [
        (0, "import numpy as np"),
        (1, "model = Model()\ndf = make_frame()"),
        (2, "model.fit(X_train, y_train)"),            # a method call changes `model`
        (3, "df['ratio'] = df.a / df.b"),              # an item assignment changes `df`
        (4, "X_train, y_train = split()"),             # read by the kept cell 2
        (5, "np.random.seed(0)"),                      # a module's method: not a change of `np` that matters
        (6, "other = 1"),
    ]
    tests = [(9, "expect_float(model.score(df), 1.0)\nexpect_type(np.ones(2), np.ndarray)")]
    assert cells_tests_need(instructor, tests) == {0, 1, 2, 3}  # 4 comes after the cell 2 that reads it


def test_only_earlier_test_cells_count_and_a_test_cells_own_names_are_its_own():
    instructor = [(0, "setup()"), (1, "a = 1"), (3, "b = 2"), (5, "c = 3")]
    tests = [(2, "_x = b\nc = 5\nprint(a, c)"), (4, "print(c)")]
    # test 2 reads a and b, binds c itself; test 4 reads c, but the cell binding c comes after it
    assert cells_tests_need(instructor, tests) == {0, 1}


def test_when_in_doubt_every_cell_runs():
    instructor = [(0, "setup()"), (1, "%timeit x = 1"), (2, "y = ("), (3, "z = 1")]
    assert cells_tests_need(instructor, [(4, "print(y, x)")]) == {0, 1, 2}  # IPython syntax parsed; 2 unparsable
    assert cells_tests_need(instructor, [(4, "if (:")]) == {0, 1, 2, 3}      # an unparsable test needs everything
    plain = [(0, "setup()"), (1, "a = 1"), (2, "b = 2")]
    assert cells_tests_need(plain, [(4, "pass")], always={2}) == {0, 2}  # the `judge` cell tag
