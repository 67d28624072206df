#!/usr/bin/env python3
"""A real MCP client (the official Python SDK, PyPI `mcp`) against `learncity mcp`.

    mcp_client_check.py LEARNCITY_BINARY INDEX_DIR

Runs the whole dialogue twice, once per protocol era ("legacy": the initialize
handshake; "auto": server/discover and the 2026-07-28 per-request envelope):
lists tools, resources and prompts, calls every tool with good and bad
arguments, compares each structured result with what the CLI (`--json`) or
`learncity serve` answers for the same request, reads resources, gets prompts,
completes a prompt argument. Prints one line per check and
"N passed, N failed"; exits 1 when a check failed.
"""
import asyncio
import json
import statistics
import subprocess
import sys
import time

from mcp import Client, StdioServerParameters
from mcp.shared.exceptions import MCPError

BINARY, INDEX = sys.argv[1], sys.argv[2]
passed, failed = 0, 0


def check(condition, what, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   {what}")
    else:
        failed += 1
        print(f"FAIL {what} {detail}")


def cli_json(*arguments):
    out = subprocess.run([BINARY, *arguments, "--index", INDEX, "--json"], capture_output=True, text=True, timeout=60)
    return json.loads(out.stdout)


def serve(method, params):
    request = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params})
    out = subprocess.run([BINARY, "serve", "--index", INDEX], input=request + "\n", capture_output=True, text=True, timeout=60)
    return json.loads(out.stdout.splitlines()[0])["result"]


async def dialogue(mode):
    print(f"-- mode {mode}")
    params = StdioServerParameters(command=BINARY, args=["mcp", "--index", INDEX])
    async with Client(params, mode=mode) as client:
        check(client.server_info is None or client.server_info.name == "learncity", f"{mode}: server is learncity")
        if mode == "legacy":
            check(client.protocol_version == "2025-11-25", f"{mode}: negotiated 2025-11-25", client.protocol_version)
            await client.send_ping()
            check(True, f"{mode}: ping answered")
        else:
            check(client.protocol_version == "2026-07-28", f"{mode}: adopted 2026-07-28", client.protocol_version)

        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
        check(set(tools) >= {"search", "recommend", "city", "cities", "report"}, f"{mode}: tools listed", sorted(tools))
        for tool in tools.values():
            check(tool.input_schema.get("type") == "object" and tool.output_schema and tool.description,
                  f"{mode}: {tool.name} has input and output schemas and a description")

        # Good calls: structured results equal the CLI's --json / serve's answers for the same request.
        result = await client.call_tool("search", {"query": "hoc tap suot doi", "limit": 5})
        check(not result.is_error and result.structured_content == cli_json("search", "--limit", "5", "hoc tap suot doi"),
              f"{mode}: search equals `learncity search --json`")
        check("match" in result.content[0].text, f"{mode}: search has a readable text", result.content[0].text[:80])
        result = await client.call_tool("recommend", {"city": "son la", "limit": 3})
        check(not result.is_error and result.structured_content == cli_json("recommend", "--limit", "3", "son la"),
              f"{mode}: recommend equals `learncity recommend --json`")
        result = await client.call_tool("city", {"city": "Hà Nội", "limit": 5})
        check(not result.is_error and result.structured_content == serve("city", {"city": "Hà Nội", "limit": 5}),
              f"{mode}: city equals serve's city")
        result = await client.call_tool("cities", {"country": "VN"})
        check(not result.is_error and result.structured_content == serve("cities", {"country": "VN"}),
              f"{mode}: cities equals serve's cities")
        check(len(result.structured_content["cities"]) >= 6, f"{mode}: the six Vietnamese members are listed")

        result = await client.call_tool("report", {"city": "son la", "lang": "en", "limit": 3})
        pages = [block for block in result.content if block.type == "resource"]
        check(not result.is_error and len(pages) == 1 and pages[0].resource.mime_type == "text/html"
              and "<svg" in pages[0].resource.text and "Sơn La" in pages[0].resource.text
              and result.structured_content["partners"] == serve("report", {"city": "son la", "lang": "en", "limit": 3})["partners"],
              f"{mode}: report returns the HTML page as a resource, with serve's partners")
        page = (await client.read_resource("learncity://report/vn-son-la?lang=vi")).contents[0]
        check(page.mime_type == "text/html" and '<html lang="vi">' in page.text, f"{mode}: a report is readable as a resource")

        # Bad calls: results with isError and a message that says how to fix the call.
        result = await client.call_tool("recommend", {"city": "Hamburgg"})
        check(result.is_error and "did you mean" in result.content[0].text.lower(), f"{mode}: unknown city is a tool error with a suggestion",
              result.content[0].text)
        result = await client.call_tool("search", {"query": "   "})
        check(result.is_error and "query" in result.content[0].text, f"{mode}: empty query is a tool error", result.content[0].text)
        result = await client.call_tool("search", {"query": "library", "limit": "ten"})
        check(result.is_error and "limit" in result.content[0].text, f"{mode}: ill-typed argument is a tool error", result.content[0].text)
        result = await client.call_tool("search", {"query": "library", "colour": "red"})
        check(result.is_error and "colour" in result.content[0].text, f"{mode}: unknown argument is a tool error", result.content[0].text)
        result = await client.call_tool("cities", {"country": "Viet Nam"})
        check(result.is_error and "country" in result.content[0].text, f"{mode}: bad filter is a tool error", result.content[0].text)
        try:
            await client.call_tool("translate", {})
            check(False, f"{mode}: unknown tool is a protocol error")
        except MCPError as error:
            check(error.error.code == -32602, f"{mode}: unknown tool is a protocol error (-32602)", error.error.code)

        # Resources: every city and document, page by page; each readable.
        stats = serve("stats", {})
        uris, cursor = [], None
        while True:
            page = await client.list_resources(cursor=cursor) if cursor else await client.list_resources()
            uris += [str(resource.uri) for resource in page.resources]
            cursor = page.next_cursor
            if not cursor:
                break
        check(len(uris) == stats["cities"] + stats["documents"] and len(set(uris)) == len(uris),
              f"{mode}: resources list every city and document once", f"{len(uris)} vs {stats['cities']}+{stats['documents']}")
        templates = (await client.list_resource_templates()).resource_templates
        check(len(templates) == 3, f"{mode}: three resource templates (city, document, report)")
        city = (await client.read_resource("learncity://city/vn-son-la")).contents[0].text
        check(city.startswith("# Sơn La") and "learncity://doc/" in city and "source: http" in city,
              f"{mode}: a city resource lists its documents with sources")
        document_uri = next(uri for uri in uris if uri.startswith("learncity://doc/initiative/"))
        document = (await client.read_resource(document_uri)).contents[0].text
        check("- source: http" in document, f"{mode}: a document resource names its source URL")
        try:
            await client.read_resource("learncity://city/atlantis")
            check(False, f"{mode}: unknown resource is an error")
        except MCPError as error:
            check(error.error.code == -32602 and "atlantis" in error.error.message, f"{mode}: unknown resource is an error naming it")

        # Prompts.
        prompts = {prompt.name for prompt in (await client.list_prompts()).prompts}
        check({"find-partners", "summarise-city"} <= prompts, f"{mode}: prompts listed", sorted(prompts))
        prompt = await client.get_prompt("find-partners", {"city": "son la", "theme": "literacy"})
        texts = [message.content.text for message in prompt.messages if message.content.type == "text"]
        check(any("vn-son-la" in text and "recommend" in text for text in texts), f"{mode}: find-partners names the city and the tool")
        check(any(message.content.type == "resource" for message in prompt.messages), f"{mode}: the prompt embeds the city record")
        prompt = await client.get_prompt("summarise-city", {"city": "Hamburg", "lang": "en"})
        check("Hamburg" in prompt.messages[-1].content.text, f"{mode}: summarise-city")
        try:
            await client.get_prompt("find-partners", {})
            check(False, f"{mode}: a prompt without its city is an error")
        except MCPError as error:
            check(error.error.code == -32602 and "city" in error.error.message, f"{mode}: a prompt without its city is an error")

        # Completion of a prompt argument.
        completion = await client.complete(
            ref={"type": "ref/prompt", "name": "find-partners"}, argument={"name": "city", "value": "son"})
        check("Sơn La" in completion.completion.values, f"{mode}: completion of 'son' offers Sơn La", completion.completion.values)

        # Speed: the median of 20 search calls (printed, not asserted; the benchmark owns speed).
        times = []
        for _ in range(20):
            start = time.perf_counter()
            await client.call_tool("search", {"query": "literacy", "limit": 10})
            times.append((time.perf_counter() - start) * 1000)
        print(f"info {mode}: search tool call median {statistics.median(times):.1f} ms, max {max(times):.1f} ms (shipped corpus, debug or release as built)")


for mode in ("legacy", "auto"):
    try:
        asyncio.run(dialogue(mode))
    except Exception as error:  # a crash of the dialogue is a failure, with its reason
        check(False, f"{mode}: dialogue completed", repr(error)[:500])
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
