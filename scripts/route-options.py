#!/usr/bin/env python3
"""Rewrites the routes of server/routes/*.ts declared in the usual four-line form

    app.get('/api/x/:id', {
      preHandler: staff,
      schema: { tags, summary: 'Lire', params: IdParams, response: { 200: XSchema, ...problemResponses } },
    }, handler

to `app.get('/api/x/:id', route(staff, 'Lire', { 200: XSchema }, { params: IdParams }), handler`
(server/lib/route.ts), adding `const route = routeOptions(tags);` and its import.
Re-runnable on a merged tree (`python3 scripts/route-options.py`): routes already
rewritten, and routes with other options (config, bodyLimit…), are left alone.
"""
import pathlib
import re

ROUTE = re.compile(
    r"^(?P<indent> +)(?P<app>\w+)\.(?P<method>get|post|put|patch|delete)\((?P<path>'[^'\n]*'|`[^`\n]*`), \{\n"
    r" +preHandler: (?P<guard>\w+),\n"
    r" +schema: \{ tags, summary: (?P<summary>'[^'\n]*'), (?P<inputs>(?:(?:params|querystring|body): \w+, )*)"
    r"response: \{ (?P<response>[^\n]*?), \.\.\.problemResponses \} \},\n"
    r" +\}, (?P<handler>[^\n]*)$",
    re.M,
)


def rewrite(match: re.Match) -> str:
    inputs = match['inputs'].rstrip(', ')
    options = f"route({match['guard']}, {match['summary']}, {{ {match['response']} }}{f', {{ {inputs} }}' if inputs else ''})"
    head = f"{match['indent']}{match['app']}.{match['method']}({match['path']}, {options},"
    handler = match['handler']
    if handler.endswith('{'):
        return f'{head} {handler}'
    return f"{head}\n{match['indent']}  {handler}"


for file in sorted(pathlib.Path(__file__).resolve().parent.parent.glob('server/routes/*.ts')):
    source = file.read_text()
    changed, count = ROUTE.subn(rewrite, source)
    if not count:
        continue
    if 'routeOptions(tags)' not in changed:
        changed = re.sub(r"^( *)const tags = (.*);$", r"\g<0>\n\1const route = routeOptions(tags);", changed, count=1, flags=re.M)
        changed = re.sub(r"^(import .* from '\.\./schemas/common';)$", r"\1\nimport { routeOptions } from '../lib/route';", changed, count=1, flags=re.M)
    if 'problemResponses' not in changed.split("from '../schemas/common';", 1)[1]:
        changed = re.sub(r"\bproblemResponses, |, problemResponses\b", '', changed, count=1)
        changed = changed.replace("import { problemResponses } from '../schemas/common';\n", '')
    file.write_text(changed)
    print(f'{file.name}: {count} routes')
