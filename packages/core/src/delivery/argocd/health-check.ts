/**
 * Argo CD health check (Lua 5.1, run by gopher-lua) for ApplicationSets, installed by `@platform/argo-cd` under
 * argocd-cm `resource.customizations.health.argoproj.io_ApplicationSet`, which takes precedence over Argo CD's
 * built-in check (util/lua/lua.go:169-205 at v3.4.4). The built-in one is Healthy as soon as the Applications
 * exist; this one is Healthy only when every generated Application is Healthy and Synced, so that the root
 * Application's sync waves wait for a whole step to come up. It reads `status.resources`, which the
 * ApplicationSet controller refreshes on every health or sync change of a child only with
 * `applicationsetcontroller.enable.progressive.syncs` (see the README's delivery section). Argo CD opens only
 * Lua's base and table libraries for health checks (util/lua/lua.go:76-100), so the script uses no `string`
 * functions.
 *
 * - `ErrorOccurred` → Degraded with the controller's message (no Application is created then).
 * - No status, or `ResourcesUpToDate` not yet True → Progressing.
 * - An Application its list generator will generate (`<environment label>-<element component>`) not yet in
 *   `status.resources` → Progressing (the status can be older than the spec: it has no observedGeneration).
 * - A child Degraded, or Missing although Synced (its resources were deleted) → Degraded, naming it: the root's
 *   sync fails and retries instead of waiting in silence.
 * - A child Suspended → Suspended, naming it.
 * - A child Progressing, Unknown, not yet assessed, Missing while OutOfSync (its first sync has not applied
 *   it yet), or Healthy but OutOfSync (Argo CD 3.4 leaves resources not yet created out of an Application's
 *   health, argo-cd#27917) → Progressing, naming it.
 * - Zero Applications, legitimately → Healthy.
 */
export const APPLICATIONSET_HEALTH_LUA = `local hs = {}
if obj.status == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the ApplicationSet controller to report a status"
  return hs
end
local upToDate = false
if obj.status.conditions ~= nil then
  for _, condition in ipairs(obj.status.conditions) do
    if condition.type == "ErrorOccurred" and condition.status == "True" then
      hs.status = "Degraded"
      hs.message = "ApplicationSet error: " .. tostring(condition.message)
      return hs
    end
    if condition.type == "ResourcesUpToDate" and condition.status == "True" then upToDate = true end
  end
end
if not upToDate then
  hs.status = "Progressing"
  hs.message = "Waiting for the ApplicationSet controller to generate the Applications"
  return hs
end
local resources = obj.status.resources or {}
local present = {}
for _, resource in ipairs(resources) do present[resource.name] = true end
local absent = {}
local environment = obj.metadata.labels and obj.metadata.labels["platform.dev/environment"]
if environment ~= nil and obj.spec ~= nil and obj.spec.generators ~= nil then
  for _, generator in ipairs(obj.spec.generators) do
    if generator.list ~= nil and generator.list.elements ~= nil then
      for _, element in ipairs(generator.list.elements) do
        if element.component ~= nil then
          local name = environment .. "-" .. element.component
          if not present[name] then table.insert(absent, name) end
        end
      end
    end
  end
end
if #absent > 0 then
  hs.status = "Progressing"
  hs.message = "Waiting for " .. table.concat(absent, ", ") .. " to be generated"
  return hs
end
local count = obj.status.resourcesCount or #resources
if count > #resources then
  hs.status = "Progressing"
  hs.message = "Only " .. #resources .. " of " .. count .. " Applications are reported"
  return hs
end
if #resources == 0 then
  hs.status = "Healthy"
  hs.message = "Generates no Applications"
  return hs
end
local degraded, suspended, waiting = {}, {}, {}
local ready = 0
for _, resource in ipairs(resources) do
  local health = ""
  if resource.health ~= nil and resource.health.status ~= nil then health = resource.health.status end
  local sync = resource.status or ""
  local state = resource.name .. " (" .. (health ~= "" and health or "not assessed") .. ", " .. (sync ~= "" and sync or "not compared") .. ")"
  if health == "Healthy" and sync == "Synced" then
    ready = ready + 1
  elseif health == "Degraded" or (health == "Missing" and sync == "Synced") then
    table.insert(degraded, state)
  elseif health == "Suspended" then
    table.insert(suspended, state)
  else
    table.insert(waiting, state)
  end
end
local summary = ready .. "/" .. #resources .. " Applications healthy and synced"
if #degraded > 0 then
  hs.status = "Degraded"
  hs.message = summary .. "; failing: " .. table.concat(degraded, ", ")
elseif #suspended > 0 then
  hs.status = "Suspended"
  hs.message = summary .. "; suspended: " .. table.concat(suspended, ", ")
elseif #waiting > 0 then
  hs.status = "Progressing"
  hs.message = summary .. "; waiting for: " .. table.concat(waiting, ", ")
else
  hs.status = "Healthy"
  hs.message = summary
end
return hs
`;

/** The argocd-cm key Argo CD reads a custom ApplicationSet health check from (util/settings/settings.go:1104-1182 at v3.4.4). */
export const APPLICATIONSET_HEALTH_KEY = 'resource.customizations.health.argoproj.io_ApplicationSet';

/**
 * The argocd-cmd-params-cm key that makes the ApplicationSet controller reconcile an ApplicationSet whenever
 * one of its Applications changes health or sync status (applicationset_controller.go:1732-1763 at v3.4.4);
 * without it, `status.resources` goes stale and the health check above never turns Healthy.
 */
export const PROGRESSIVE_SYNCS_PARAM = 'applicationsetcontroller.enable.progressive.syncs';

/** The controller settings the rendered Argo CD delivery relies on, by argocd-cm / argocd-cmd-params-cm key. */
export const REQUIRED_CONTROLLER_SETTINGS: Readonly<Record<string, string>> = {
  [APPLICATIONSET_HEALTH_KEY]: APPLICATIONSET_HEALTH_LUA,
  [PROGRESSIVE_SYNCS_PARAM]: 'true',
};
