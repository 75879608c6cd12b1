package vn.ocop.service.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Anchors the chain heads every {@code ocop.evidence.anchor.interval} (ISO-8601 duration, default PT1H) when any head
 * moved; off with {@code ocop.evidence.anchor.enabled=false}. POST /api/v1/anchors anchors on demand.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "ocop.evidence.anchor.enabled", havingValue = "true", matchIfMissing = true)
class AnchorSchedule {
    private static final Logger log = LoggerFactory.getLogger(AnchorSchedule.class);
    private final Anchors anchors;

    AnchorSchedule(Anchors anchors) {
        this.anchors = anchors;
    }

    @Scheduled(
            fixedDelayString = "${ocop.evidence.anchor.interval:PT1H}",
            initialDelayString = "${ocop.evidence.anchor.interval:PT1H}")
    void anchor() {
        try {
            var a = anchors.anchor("scheduler", false);
            log.info(
                    "Anchor {}: {} heads, digest {}",
                    a.getSequence(),
                    a.getHeads().size(),
                    a.getDigest());
        } catch (RuntimeException e) {
            log.error("Could not anchor the chain heads", e);
        }
    }
}
