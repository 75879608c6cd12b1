package vn.ocop.rules.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.drools.model.Model;
import org.kie.api.KieServices;
import org.kie.api.builder.KieModule;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSessionsPool;

/**
 * One product group's kjar, loaded into Drools on first use and its sheets' KieBases built on first use. Loading every
 * kjar and building every sheet's KieBase at start took most of the service's start-up (39 sheets in the three
 * built-in editions) although a request needs one; {@link CompiledRulePack#warm()} still builds them all.
 */
final class GroupKjar {
    private static final int POOL_SIZE = 4;
    /** Drools' shared KieRepository is filled from one thread at a time. */
    private static final Object REPOSITORY = new Object();

    private final byte[] bytes;
    private volatile List<Model> models;
    private volatile ClassLoader classLoader;
    private final Map<String, KieSessionsPool> sheetPools = new ConcurrentHashMap<>();

    GroupKjar(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The executable-model packages of the kjar (loads it on first call). */
    List<Model> models() {
        List<Model> m = models;
        if (m == null) {
            synchronized (this) {
                if (models == null) {
                    KieContainer container;
                    synchronized (REPOSITORY) {
                        KieServices ks = KieServices.Factory.get();
                        KieModule module = ks.getRepository()
                                .addKieModule(ks.getResources().newByteArrayResource(bytes));
                        container = ks.newKieContainer(module.getReleaseId());
                    }
                    classLoader = container.getClassLoader();
                    models = SheetKieBases.models(container);
                }
                m = models;
            }
        }
        return m;
    }

    /** The session pool of the sheet's own KieBase, built on first call (see {@link SheetKieBases}). */
    KieSessionsPool sheetSessions(String sheet, Set<String> otherSheets) {
        return sheetPools.computeIfAbsent(sheet, s -> {
            List<Model> m = models();
            return SheetKieBases.forSheet(m, s, otherSheets, classLoader).newKieSessionsPool(POOL_SIZE);
        });
    }

    /** Whether the kjar is loaded into Drools yet, and how many sheets' KieBases are built (tests of the laziness). */
    boolean loaded() {
        return models != null;
    }

    int builtSheets() {
        return sheetPools.size();
    }
}
