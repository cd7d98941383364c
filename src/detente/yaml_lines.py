"""YAML loading that keeps line numbers, so data-file errors can name the file and line.

The packaged data files (patterns, actors, the time lexicon) are read with a loader from
:func:`line_loader`: every mapping carries the line it starts on (``__line__``), or the line
of each of its keys (``__lines__``).
"""

from __future__ import annotations

import re

import yaml

_BOOL = "tag:yaml.org,2002:bool"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def line_loader(*, key_lines: bool = False, plain_bools: bool = False,
                dates_as_strings: bool = False) -> type[yaml.SafeLoader]:
    """A SafeLoader subclass recording lines.

    ``key_lines``: record each key's line in ``__lines__`` instead of the mapping's own line in
    ``__line__``. ``plain_bools``: only true/false are booleans (prepositions and particles such
    as on/off/no stay words). ``dates_as_strings``: dates stay strings, so that a bad date is
    reported with its line by the caller's own validation.
    """

    class Loader(yaml.SafeLoader):
        pass

    def construct(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
        mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
        if key_lines:
            mapping["__lines__"] = {
                loader.construct_object(k, deep=True): k.start_mark.line + 1 for k, _ in node.value
            }
        else:
            mapping["__line__"] = node.start_mark.line + 1
        return mapping

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct)
    dropped = ({_BOOL} if plain_bools else set()) | ({_TIMESTAMP} if dates_as_strings else set())
    if dropped:
        Loader.yaml_implicit_resolvers = {
            key: [(tag, rx) for tag, rx in resolvers if tag not in dropped]
            for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
        }
    if plain_bools:
        for first in "tTfF":
            Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), [first])
    return Loader
