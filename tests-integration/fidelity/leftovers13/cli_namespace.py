from sanic.cli.app import SanicCLI

argvs = [
    ["app:app"],
    ["app:app", "--http", "3", "--http=1", "-H", "0.0.0.0", "-p", "9000", "-w", "3", "--debug", "--dev", "--fast", "--single-process", "--access-logs", "--no-motd", "--verbosity", "-v", "-R", "/tmp", "--reload-dir", "/var", "--tls", "/tmp", "--tls-strict-host", "--cert", "a", "--key", "b", "--tls", "/x", "--coffee", "--noisy-exceptions", "--factory", "-u", "/tmp/s.sock", "--legacy", "-d", "--auto-tls", "--inspect", "--inspect-raw", "--trigger-reload", "--trigger-shutdown"],
    ["app:app", "-1", "-3", "--no-access-logs", "--no-coffee", "--motd", "--no-noisy-exceptions", "--simple", "--workers=2", "--reload", "--port=0"],
]
for argv in argvs:
    cli = SanicCLI()
    cli.attach()
    try:
        args = cli.parser.parse_args(argv)
    except SystemExit as e:
        print("exit", e)
        continue
    print("==", argv[:3])
    for k, v in sorted(vars(args).items()):
        print(f"  {k}: {type(v).__name__} {v!r}")
