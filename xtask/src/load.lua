-- wrk script of `cargo xtask load` (xtask/src/load.rs writes it to target/bench/load.lua).
--
-- Counts every answer by status code in each thread and, in done(), writes one report of
-- plain `key value` lines to $NAGRIK_LOAD_OUT for load.rs to read: wrk's own summary, its
-- latency percentiles (microseconds), the status codes, and for filing the references that
-- were answered 201.
--
-- Filing ($NAGRIK_LOAD_BODY set): every request is a POST of that body with its own
-- Idempotency-Key ($NAGRIK_LOAD_KEYS-<thread>-<n>), so each one is a new filing; a repeated
-- key would be answered with the first filing (or 409), not filed again. Requests are sent
-- only for $NAGRIK_LOAD_WINDOW_MS; after that delay() holds every connection back, so the
-- requests still in flight get their answers in wrk's remaining seconds and none is cut off
-- unanswered (the database check needs every filing the server made to have been seen).

local body_file = os.getenv("NAGRIK_LOAD_BODY")
local filing = body_file ~= nil and body_file ~= ""

local now_ms
do
   local ok, ffi = pcall(require, "ffi")
   if ok then
      ffi.cdef [[
         typedef struct { long tv_sec; long tv_nsec; } nagrik_timespec;
         int clock_gettime(int clock, nagrik_timespec *ts);
      ]]
      local ts = ffi.new("nagrik_timespec")
      now_ms = function()
         ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
         return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
      end
   else
      now_ms = function() return os.time() * 1000 end
   end
end

if filing then
   local f = assert(io.open(body_file, "rb"))
   wrk.method = "POST"
   wrk.body = f:read("*a")
   f:close()
end

-- Main state: every thread, for done().
local threads = {}

function setup(thread)
   threads[#threads + 1] = thread
   thread:set("id", #threads)
end

-- Thread state.
statuses = {}
references = {}
replayed = 0
sent = 0
local deadline

function init(args)
   deadline = now_ms() + tonumber(os.getenv("NAGRIK_LOAD_WINDOW_MS") or "0")
end

if filing then
   local prefix = os.getenv("NAGRIK_LOAD_KEYS")

   -- wrk calls this once more at its start (to look at the request), and sends nothing then.
   function request()
      sent = sent + 1
      local headers = {}
      for name, value in pairs(wrk.headers) do
         headers[name] = value
      end
      headers["Idempotency-Key"] = string.format("%s-%d-%d", prefix, id, sent)
      return wrk.format(nil, nil, headers, nil)
   end

   function delay()
      if now_ms() >= deadline then
         return 3600000
      end
      return 0
   end
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
   if status == 201 then
      if headers["idempotent-replayed"] or headers["Idempotent-Replayed"] then
         replayed = replayed + 1
      end
      local reference = body:match('"reference"%s*:%s*"([^"]+)"')
      if reference then
         references[#references + 1] = reference
      end
   end
end

function done(summary, latency, requests)
   local out = assert(io.open(os.getenv("NAGRIK_LOAD_OUT"), "w"))
   local function line(key, value)
      out:write(key, " ", string.format("%d", value), "\n")
   end
   line("requests", summary.requests)
   line("duration_us", summary.duration)
   line("bytes", summary.bytes)
   for _, kind in ipairs({ "connect", "read", "write", "status", "timeout" }) do
      line("errors_" .. kind, summary.errors[kind])
   end
   for _, p in ipairs({ 50, 90, 99 }) do
      line("p" .. p .. "_us", latency:percentile(p))
   end
   line("mean_us", latency.mean)
   line("max_us", latency.max)
   local all = {}
   local total_sent, total_replayed = 0, 0
   for _, thread in ipairs(threads) do
      for code, n in pairs(thread:get("statuses")) do
         all[code] = (all[code] or 0) + n
      end
      total_sent = total_sent + thread:get("sent")
      total_replayed = total_replayed + thread:get("replayed")
      for _, reference in ipairs(thread:get("references")) do
         out:write("reference ", reference, "\n")
      end
   end
   for code, n in pairs(all) do
      out:write(string.format("status %d %d\n", code, n))
   end
   line("sent", total_sent)
   line("replayed", total_replayed)
   out:close()
end
