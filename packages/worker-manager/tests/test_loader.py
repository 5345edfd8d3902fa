"""AppLoader and CertLoader."""

from __future__ import annotations

import ssl
import sys
from pathlib import Path

import pytest

from hurtle_worker import AppLoader, CertLoader


@pytest.fixture
def module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    (tmp_path / "my_server.py").write_text(
        "class App:\n    name = 'instance'\n"
        "app = App()\n"
        "def create_app():\n    return App()\n"
        "def create_with(args):\n    return ('built', args)\n"
        "number = 3\n"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "my_server"
    sys.modules.pop("my_server", None)


def test_colon_and_dot_forms_load_the_same_object(module) -> None:
    by_colon = AppLoader(f"{module}:app").load()
    by_dot = AppLoader(f"{module}.app").load()
    assert by_colon is by_dot
    assert by_colon.name == "instance"


def test_factories(module) -> None:
    assert AppLoader(f"{module}:create_app", as_factory=True).load().name == "instance"
    assert AppLoader(f"{module}:create_with", as_factory=True, args=7).load() == ("built", 7)
    assert AppLoader(factory=lambda: "made").load() == "made"


def test_file_path_form(module, tmp_path: Path) -> None:
    assert AppLoader(f"{tmp_path / 'my_server.py'}:app").load().name == "instance"


def test_a_function_is_called_as_a_factory_even_without_the_flag(module) -> None:
    assert AppLoader(f"{module}:create_app").load().name == "instance"
    assert AppLoader(f"{module}:create_with", args=7).load() == ("built", 7)


def test_not_callable_factory_is_a_value_error_as_in_sanic(module) -> None:
    # Sanic's loader raises ValueError here (it was a TypeError)
    with pytest.raises(ValueError, match="drop --factory"):
        AppLoader(f"{module}:number", as_factory=True).load()



def test_a_factory_needing_two_arguments_says_what_a_factory_takes(
    tmp_path: Path, monkeypatch
) -> None:
    # `sanic mod:make --factory` with `def make(a, b)`: it was called with the options
    # alone and failed with "make() missing 1 required positional argument: 'b'", which
    # reads as if `a` had been given by the user.
    (tmp_path / "two_args_mod.py").write_text(
        "def make(a, b, c=1, *rest, **extra):\n    return (a, b)\n"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        with pytest.raises(TypeError) as exc:
            AppLoader("two_args_mod:make", as_factory=True, args=7).load()
    finally:
        sys.modules.pop("two_args_mod", None)
    assert str(exc.value) == (
        "The factory two_args_mod:make needs 2 arguments (a, b); a factory takes none, or "
        "one (the parsed command-line options)."
    )


def test_an_app_given_with_factory_says_to_drop_the_flag(tmp_path: Path, monkeypatch) -> None:
    # `sanic server:app --factory` called the app (an ASGI callable) and reported
    # "__call__() missing 2 required positional arguments: 'receive' and 'send'".
    (tmp_path / "app_instance_mod.py").write_text(
        "class App:\n"
        "    router = None\n"
        "    def prepare(self, **kwargs): pass\n"
        "    async def __call__(self, scope, receive, send): pass\n"
        "app = App()\n"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        with pytest.raises(TypeError, match="is already an app, not a factory; drop --factory"):
            AppLoader("app_instance_mod:app", as_factory=True).load()
        assert AppLoader("app_instance_mod:app").load().router is None
    finally:
        sys.modules.pop("app_instance_mod", None)


def test_missing_module_and_attribute_messages(module) -> None:
    with pytest.raises(ModuleNotFoundError, match="No module named 'nowhere_to_be_found'") as info:
        AppLoader("nowhere_to_be_found:app").load()
    assert info.value.name == "nowhere_to_be_found"
    with pytest.raises(AttributeError, match="has no attribute 'missing'"):
        AppLoader(f"{module}:missing").load()


def test_parentheses_after_the_name_mean_a_factory(module) -> None:
    loader = AppLoader(f"{module}:create_with()", args=7)
    assert loader.as_factory
    assert loader.load() == ("built", 7)
    assert AppLoader(f"{module}.create_app()").load().name == "instance"
    assert AppLoader(f"{module}:create_app()", as_factory=True).load().name == "instance"


def test_a_path_to_a_folder_is_served_as_a_simple_app(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(AppLoader, "simple_app_factory", staticmethod(lambda p: ("static", p)))
    (tmp_path / "public").mkdir()
    monkeypatch.chdir(tmp_path)
    assert AppLoader(str(tmp_path / "public")).load() == ("static", tmp_path / "public")
    assert AppLoader("./public").load() == ("static", tmp_path / "public")


def test_simple_needs_a_directory_and_a_factory(tmp_path: Path, monkeypatch) -> None:
    with pytest.raises(ValueError, match="not a directory"):
        AppLoader(str(tmp_path / "nope"), as_simple=True).load()
    monkeypatch.setattr(AppLoader, "simple_app_factory", staticmethod(lambda p: ("static", p)))
    assert AppLoader(str(tmp_path), as_simple=True).load() == ("static", tmp_path.resolve())


def test_certloader(tmp_path: Path) -> None:
    import trustme

    ca = trustme.CA()
    cert = ca.issue_cert("localhost")
    cert_path, key_path = tmp_path / "fullchain.pem", tmp_path / "privkey.pem"
    cert.private_key_and_cert_chain_pem.write_to_path(str(cert_path))
    cert.private_key_pem.write_to_path(str(key_path))
    from_dict = CertLoader({"cert": str(cert_path), "key": str(key_path)}).load()
    from_folder = CertLoader(str(tmp_path)).load()
    assert isinstance(from_dict, ssl.SSLContext) and isinstance(from_folder, ssl.SSLContext)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    assert CertLoader(context).load() is context
    assert CertLoader(None).load() is None
    with pytest.raises(ValueError, match="both 'cert' and 'key'"):
        CertLoader({"cert": str(cert_path)}).load()


def test_a_dotted_module_path_finds_its_app(tmp_path: Path, monkeypatch) -> None:
    package = tmp_path / "my_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "server.py").write_text("app = 'the app in my_pkg.server'\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        assert AppLoader("my_pkg.server").load() == "the app in my_pkg.server"
        assert AppLoader("my_pkg.server.app").load() == "the app in my_pkg.server"
        with pytest.raises(AttributeError, match="has no attribute 'app'"):
            AppLoader("my_pkg").load()
    finally:
        for name in ("my_pkg", "my_pkg.server"):
            sys.modules.pop(name, None)


def test_a_bare_module_without_an_app_is_also_sanics_value_error(tmp_path, monkeypatch) -> None:
    # Sanic: ValueError ("only supplied a module name"); Hurtle raised AttributeError only
    (tmp_path / "no_app_mod16.py").write_text("def create_app(args):\n    return args\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        for name in ("no_app_mod16", "no_app_mod16:make()"):
            with pytest.raises(ValueError, match="has no attribute"):
                AppLoader(name).load()
        with pytest.raises(AttributeError, match="has no attribute 'missing'"):
            AppLoader("no_app_mod16:missing").load()
    finally:
        sys.modules.pop("no_app_mod16", None)
