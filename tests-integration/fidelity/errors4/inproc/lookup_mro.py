import random

from sanic.handlers import ErrorHandler


class A(Exception):
    pass


class B(A):
    pass


class C(B):
    pass


class M1(Exception):
    pass


class M2(M1):
    pass


class D(M2, B):
    pass


class E(B, M2):
    pass


classes = [Exception, A, B, C, M1, M2, D, E, ValueError, BaseException, LookupError, KeyError]
rng = random.Random(5)


def mk(n):
    def h(r, e):
        pass

    h.__name__ = n
    return h


diffs = 0
out = []
for trial in range(400):
    eh = ErrorHandler()
    regs = []
    used = set()
    for i in range(rng.randint(1, 5)):
        cls = rng.choice(classes)
        rn = rng.choice([None, None, "r1", "r2"])
        if (cls, rn) in used:
            continue
        used.add((cls, rn))
        eh.add(cls, mk(f"{cls.__name__}@{rn}"), route_names=[rn] if rn else None)
        regs.append(f"{cls.__name__}@{rn}")
    exc = rng.choice([C(), D(), E(), KeyError(), M2(), B(), ValueError(), Exception()])
    rn = rng.choice([None, "r1", "r2"])
    f = eh.lookup(exc, rn)
    out.append(f"{regs} {type(exc).__name__} {rn} -> {f and f.__name__}")
print("\n".join(out))
