"""Where a request's CPU goes, from a JFR recording (bench/http-stateless.sh with PROFILE=1 makes them).

   jfr print --json --events jdk.ExecutionSample --stack-depth 200 evaluate.jfr > evaluate.json
   python3 bench/jfr-breakdown.py evaluate.json

Each execution sample is charged to the nearest frame, from the leaf, that is neither JDK code nor a generic filter-chain
wrapper, and grouped by component (first matching row of CATS). Read the shares, not the counts: JFR samples only
threads that run Java code, about every 10-20 ms each."""
import json, sys, collections
CATS = [  # (category, substrings of "class.method"), first match wins for a frame
 ("bcrypt (password check)", ["BCrypt"]),
 ("credential cache (sha-256)", ["CachingPasswordEncoder"]),
 ("rules engine (Drools + rules module)", ["org/drools", "org/kie", "org/mvel", "vn/ocop/rules"]),
 ("observations/metrics (micrometer)", ["io/micrometer", "ObservationFilterChainDecorator", "ObservationAuthorizationManager",
                                        "ObservationAuthenticationManager", "ServerHttpObservationFilter", "Observation"]),
 ("bean validation (hibernate-validator)", ["org/hibernate/validator", "jakarta/validation"]),
 ("JSON read/write (Jackson)", ["tools/jackson", "com/fasterxml"]),
 ("QueryParameterFilter", ["QueryParameterFilter"]),
 ("IdempotencyFilter", ["IdempotencyFilter"]),
 ("RateLimitFilter", ["RateLimitFilter"]),
 ("BodySizeLimitFilter", ["BodySizeLimitFilter"]),
 ("AuditLogFilter (request id)", ["AuditLogFilter"]),
 ("embedded store: its BSON codec and wire protocol (mongo-java-server)", ["de/bwaldvogel/mongo/wire", "de/bwaldvogel/mongo/bson"]),
 ("embedded store: queries and indexes (mongo-java-server)", ["de/bwaldvogel"]),
 ("embedded store: H2 MVStore and its value types", ["org/h2", "vn/ocop/service/platform/storage"]),
 ("netty (the embedded store's sockets and buffers)", ["io/netty"]),
 ("MongoDB driver + BSON (client side)", ["com/mongodb", "org/bson", "org/springframework/data/mongodb"]),
 ("service code (mapping, checks)", ["vn/ocop/service"]),
 ("Spring Security (auth, firewall)", ["org/springframework/security"]),
 ("Spring MVC/web", ["org/springframework"]),
 ("Tomcat + socket I/O", ["org/apache", "sun/nio", "java/net", "sun/net"]),
]
WRAPPERS = ["FilterChainProxy", "ApplicationFilterChain", "OncePerRequestFilter.doFilter", "CompositeFilter",
            "VirtualFilterChain", "FilterChainProxy$VirtualFilterChain", "DelegatingFilterProxy", "ServletRequestWrapper",
            "ServletResponseWrapper", "StandardWrapperValve", "StandardContextValve", "StandardHostValve", "StandardEngineValve"]
SKIP = ["java/", "jdk/", "sun/", "javax/"]
def category(frames):
    for f in frames:
        if any(f.startswith(s) for s in SKIP) and not any(f.startswith(s) for s in ["sun/nio", "java/net", "sun/net"]):
            continue
        if any(w in f for w in WRAPPERS):
            continue
        for c, keys in CATS:
            if any(k in f for k in keys):
                return c
        return "other: " + f.split(".")[0]
    return "AuditLogFilter (request id)" if any("UUID" in f for f in frames) else "JDK only"
events = json.load(open(sys.argv[1]))["recording"]["events"]
counts = collections.Counter(); n = 0
for e in events:
    st = e["values"].get("stackTrace")
    if not st: continue
    frames = [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in st["frames"]]
    n += 1
    counts[category(frames)] += 1
print(f"{n} CPU samples")
for c, k in counts.most_common(int(sys.argv[2]) if len(sys.argv) > 2 else 20):
    print(f"  {100*k/n:5.1f}%  {k:6d}  {c}")
