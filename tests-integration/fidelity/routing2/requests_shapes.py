"""Write requests_shapes.http for app_shapes.py."""
import sys

P = [
    "/re/alt/a", "/re/alt/b", "/re/alt/ab", "/re/alt/c",
    "/re/anch/abc", "/re/anch/ab1", "/re/flag/ABC", "/re/flag/abc",
    "/re/slash/a", "/re/slash/a/b", "/re/slash/a/b/", "/re/dot/x", "/re/dot/x/y", "/re/dot/",
    "/re/empty/", "/re/empty/a", "/re/empty", "/re/grp/abab", "/re/grp/aba",
    "/re/named/12", "/re/named/x", "/re/two/1-2", "/re/two/1-x", "/re/mix/1/ab/c/d",
    "/re/mix/1/abc/c", "/re/digits/%31", "/re/digits/12", "/re/uni/caf%C3%A9", "/re/uni/café",
    "/re/uni/a_b",
    "/st/caf%C3%A9", "/st/café", "/st/caf%c3%a9", "/st/a%20b", "/st/a%2520b", "/st/a b",
    "/st/a+b", "/st/a%2Bb", "/st/a*b", "/st/a;b", "/st/a%3Bb", "/st/a:b", "/st/a%3Ab",
    "/st/@me", "/st/%40me", "/st/~u", "/st/%7Eu", "/st/up", "/st/UP", "/st/.well-known/x",
    "/st/%2Ewell-known/x", "/st/100%", "/st/100%25", "/dyn/x/ü", "/dyn/x/%C3%BC",
    "/org/5/team/red", "/org/x/team/red", "/org/5", "/org/5/", "/org/05/team/a%20b",
    "/v2/g/7/pre/a-b/x", "/v2/g/7/pre/A/x", "/g/7/pre/a-b/x",
]


def main():
    out = []
    for p in P:
        out.append(f"### {p}\nGET {p} HTTP/1.1\nHost: x\nConnection: close\n")
    sys.stdout.write("\n".join(out))


main()
