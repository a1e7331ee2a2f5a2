/**
 * The program the proxy-cache Job runs (Python 3 standard library only): it makes Harbor's registry endpoints
 * and proxy-cache projects match `/config/proxy-cache.json`, idempotently, through Harbor's REST API v2.0 as the
 * admin. Existing endpoints are updated in place; an existing project that proxies another endpoint than asked
 * is an error (Harbor cannot repoint a proxy-cache project; delete it by hand first). Endpoints and projects it
 * does not know are left alone. API paths and fields as goharbor/harbor v2.15.1 api/v2.0/swagger.yaml defines them:
 * `GET /health`, `GET|POST /registries`, `PUT /registries/{id}`, `HEAD|POST /projects`,
 * `GET|PUT /projects/{project_name_or_id}`; `ProjectReq.registry_id`, `ProjectMetadata.public` ("true"/"false").
 */
export const PROXY_CACHE_SCRIPT = `import base64, json, os, sys, time, urllib.error, urllib.parse, urllib.request

API = os.environ["HARBOR_API"].rstrip("/")
TOKEN = base64.b64encode(("admin:" + os.environ["HARBOR_ADMIN_PASSWORD"]).encode()).decode()
SPEC = json.load(open("/config/proxy-cache.json"))


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(API + path, data=data, method=method)
    request.add_header("Authorization", "Basic " + TOKEN)
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read().decode() if method != "HEAD" else ""
            return response.status, (json.loads(text) if text else None)
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return 404, None
        raise SystemExit(f"{method} {path}: HTTP {error.code} {error.read().decode()[:500]}")


def wait_healthy():
    for attempt in range(60):
        try:
            status, health = call("GET", "/health")
            if status == 200 and health.get("status") == "healthy":
                return
            print(f"harbor not healthy yet: {health}", flush=True)
        except (urllib.error.URLError, OSError, SystemExit) as error:
            print(f"harbor not reachable yet: {error}", flush=True)
        time.sleep(10)
    raise SystemExit("harbor did not become healthy in 10 minutes")


def registry_id(entry):
    name = entry["registry"]["name"]
    _, found = call("GET", "/registries?q=" + urllib.parse.quote("name=" + name))
    want = {"name": name, "type": entry["registry"]["type"], "url": entry["registry"]["url"], "insecure": False}
    for registry in found or []:
        if registry["name"] == name:
            if registry["url"] != want["url"] or registry["type"] != want["type"]:
                call("PUT", f"/registries/{registry['id']}", {"name": name, "url": want["url"], "insecure": False})
                print(f"registry {name}: updated to {want['url']}", flush=True)
            return registry["id"]
    call("POST", "/registries", want)
    print(f"registry {name}: created ({want['type']} {want['url']})", flush=True)
    _, found = call("GET", "/registries?q=" + urllib.parse.quote("name=" + name))
    return next(r["id"] for r in found if r["name"] == name)


def ensure_project(entry, registry):
    name = entry["project"]
    status, _ = call("HEAD", "/projects?project_name=" + urllib.parse.quote(name))
    if status == 404:
        call("POST", "/projects", {"project_name": name, "registry_id": registry, "public": True, "metadata": {"public": "true"}})
        print(f"project {name}: created, proxying registry {registry}", flush=True)
        return
    _, project = call("GET", "/projects/" + urllib.parse.quote(name, safe=""))
    if project.get("registry_id") != registry:
        raise SystemExit(f"project {name} exists and proxies registry {project.get('registry_id')}, not {registry}: delete it in Harbor, then rerun")
    if project.get("metadata", {}).get("public") != "true":
        call("PUT", "/projects/" + urllib.parse.quote(name, safe=""), {"metadata": {"public": "true"}})
        print(f"project {name}: made public", flush=True)
    print(f"project {name}: up to date", flush=True)


wait_healthy()
for entry in SPEC:
    ensure_project(entry, registry_id(entry))
print("proxy-cache projects configured", flush=True)
`;
