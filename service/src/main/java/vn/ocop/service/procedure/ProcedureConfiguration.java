package vn.ocop.service.procedure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.ocop.service.procedure.cases.CaseFile;
import vn.ocop.service.procedure.council.Sheet;
import vn.ocop.service.procedure.rounds.Round;
import vn.ocop.service.procedure.store.MongoVersionedStore;
import vn.ocop.service.procedure.store.VersionedStore;

/** The procedure's collections: one document per case, round and sheet, each with the unique {_id, version} index. */
@Configuration(proxyBeanMethods = false)
class ProcedureConfiguration {
    @Bean
    VersionedStore<CaseFile> caseStore(MongoTemplate mongo) {
        return new MongoVersionedStore<>(mongo, "procedure_cases", CaseFile.class)
                .withIndex("province_state", "provinceCode", "state")
                .withIndex("commune_state", "communeCode", "state")
                .withIndex("producer", "producerId")
                .withIndex("round_state", "roundId", "state");
    }

    @Bean
    VersionedStore<Round> roundStore(MongoTemplate mongo) {
        return new MongoVersionedStore<>(mongo, "procedure_rounds", Round.class)
                .withIndex("level_province", "level", "provinceCode");
    }

    @Bean
    VersionedStore<Sheet> sheetStore(MongoTemplate mongo) {
        return new MongoVersionedStore<>(mongo, "procedure_sheets", Sheet.class);
    }
}
