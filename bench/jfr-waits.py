"""Where threads wait, from a JFR recording's park and monitor events (bench/stored.sh with PROFILE=1 makes them).

   jfr print --json --events jdk.ThreadPark,jdk.JavaMonitorEnter,jdk.JavaMonitorWait --stack-depth 200 x.jfr > w.json
   python3 bench/jfr-waits.py w.json

Each event (JFR's profile settings record those of 10 ms and more) is charged, with its duration, to the first frame
from the leaf in this product's code (vn/ocop) or, failing that, in mongo-java-server or the MongoDB driver; idle pool
threads (no such frame) are left out. Durations add up over threads: compare the rows, not the total with wall time."""
import json, sys, collections, re
def seconds(d):  # JFR prints durations like "12.3 ms", "1.2 s", "PT0.0123S"
    if isinstance(d, (int, float)): return d / 1e9
    m = re.match(r"PT(?:(\d+)M)?([\d.]+)S", d)
    if m: return int(m.group(1) or 0) * 60 + float(m.group(2))
    v, unit = d.split()
    return float(v) * {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1, "min": 60}[unit]
KEYS = ["vn/ocop", "de/bwaldvogel", "com/mongodb"]
events = json.load(open(sys.argv[1]))["recording"]["events"]
total = collections.Counter(); count = collections.Counter()
for e in events:
    st = e["values"].get("stackTrace")
    if not st: continue
    frames = [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in st["frames"]]
    where = next((f for k in KEYS for f in frames if f.startswith(k)), None)
    if where is None: continue
    ours = next((f for f in frames if f.startswith("vn/ocop")), None)
    label = where.replace("/", ".") + ("" if ours in (None, where) else "  <- " + ours.replace("/", "."))
    total[label] += seconds(e["values"]["duration"]); count[label] += 1
print(f"{sum(count.values())} waits, {sum(total.values()):.1f} s in all")
for label, s in total.most_common(int(sys.argv[2]) if len(sys.argv) > 2 else 20):
    print(f"  {s:7.1f} s  {count[label]:6d}  {label}")
