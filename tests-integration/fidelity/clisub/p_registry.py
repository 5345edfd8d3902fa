"""Group._registry: the built-in groups, a subclass registering itself, removing one."""

from sanic.cli.app import SanicCLI
from sanic.cli.arguments import Group

print([(cls.__name__, cls.name) for cls in Group._registry][:9])


class Extra(Group):
    name = "Extra"

    def attach(self, short=False):
        self.container.add_argument("--extra", default="e")


print("registered last:", Group._registry[-1] is Extra)
general = [cls for cls in Group._registry if cls.name is None][0]
Group._registry.remove(general)  # a program whose target is fixed, as biothings'
cli = SanicCLI()
cli.attach()
args = cli.parser.parse_args(["-p", "9000", "--extra", "x"])
print("port", args.port, "extra", args.extra, "has target", hasattr(args, "target"))
print("groups", [type(g).__name__ for g in cli.groups if type(g).__name__ != "LegacyInspectorGroup"])
