-- The apply-coding endpoint under load with wrk (bench/workspace.mjs runs it): every request codes
-- a new span, so none is refused as a duplicate. Each wrk thread codes as its own coder.
-- THEMATICA_COOKIE: the session cookie; THEMATICA_DOCUMENT: the document's name;
-- THEMATICA_LENGTH: its length in code points.

local cookie = os.getenv("THEMATICA_COOKIE")
local document = os.getenv("THEMATICA_DOCUMENT")
local length = tonumber(os.getenv("THEMATICA_LENGTH")) - 500
local threads = 0

function setup(thread)
  thread:set("coder", "wrk-" .. threads)
  threads = threads + 1
end

function init()
  sent = 0
end

function request()
  -- A new (start, end) pair for every request: the start walks the text, the length grows by one
  -- each time the walk starts over.
  local start = (sent * 7) % length
  local finish = start + 40 + math.floor(sent * 7 / length)
  sent = sent + 1
  local body = string.format('{"document":"%s","code":"Theme 1/Code 1","start":%d,"end":%d}',
    document, start, finish)
  return wrk.format("POST", "/api/codings", {
    ["Cookie"] = cookie,
    ["Content-Type"] = "application/json",
    ["X-Thematica-Coder"] = coder,
  }, body)
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "wrk: %d requests in %.1f s, %d non-2xx, %d socket errors; p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, summary.duration / 1e6, summary.errors.status,
    errors.connect + errors.read + errors.write + errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
