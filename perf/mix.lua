-- One request of the readers' and outlets' mix, chosen at random; the paths come from paths.txt,
-- written by loadtest.py (story and province URLs of the loaded site).
local paths = {}
for line in io.lines(os.getenv("T63_LOADTEST_PATHS")) do
  paths[#paths + 1] = line
end

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
