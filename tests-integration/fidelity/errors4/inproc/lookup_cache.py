from sanic.handlers import ErrorHandler


class A(Exception):
    pass


class B(A):
    pass


class C(B):
    pass


def h1(r, e):
    pass


def h2(r, e):
    pass


seqs = [
    [(C, "r1")],
    [(B, None), (C, "r1")],
    [(B, "r1"), (C, "r1")],
    [(C, None), (C, "r1")],
    [(A, "r1"), (C, "r1")],
    [(B, "r2"), (C, "r1")],
    [(C, "r2"), (C, "r1")],
]
for seq in seqs:
    eh = ErrorHandler()
    eh.add(A, h1)
    eh.add(B, h2, route_names=["r1"])
    out = []
    for cls, rn in seq:
        f = eh.lookup(cls(), rn)
        out.append(f"{cls.__name__}/{rn}->{f and f.__name__}")
    print(out)
