package vn.ocop.service.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the documents' shell blocks are read: where a command ends, what status and fields it promises. */
class CurlExamplesTests {

    private static final String DOC = """
            Text outside a block is not run: curl $B/nothing

            ```bash
            B=http://localhost:8080
            # create → 201, ETag: "1"
            curl -u a:b -H 'Content-Type: application/json' $B/x -d '{
              "name": "Bưởi # không phải chú thích"}'
            curl -u a:b $B/y \\
                 -X POST            # 202 + the job
            curl $B/z
            # → {"outcome":"MATCH","failures":[{"check":"HASH"}],"nested":{"inner":1}}
            # → {"outcome":"INTEGRITY_FAILED"}
            ```

            ```json
            {"not": "run"}
            ```
            """;

    @Test
    void commandsGoOnOverOpenQuotesAndBackslashesAndCarryTheirPromises() {
        List<CurlExamples.Example> examples = CurlExamples.parse("doc.md", DOC);

        assertThat(examples).extracting(CurlExamples.Example::line).containsExactly(4, 6, 8, 10);
        assertThat(examples.get(1).command()).contains("\"Bưởi # không phải chú thích\"");
        assertThat(examples.get(1).status()).hasValue(201);
        assertThat(examples.get(2).status()).hasValue(202);
        assertThat(examples.get(3).status()).isEmpty();
        assertThat(examples.get(3).fields()).containsExactly("outcome", "failures", "nested");
        assertThat(examples.get(0).status()).isEmpty();
    }

    @Test
    void wordsAreQuotedAndExpandedAsTheShellDoes() {
        Map<String, String> vars = Map.of("B", "http://h:1", "EVALUATION_ID", "e-1");
        List<Shell.Token> tokens =
                Shell.tokens("curl -u \"$P_NONE\" x", name -> name.equals("P_NONE") ? "p:q" : vars.get(name));
        assertThat(tokens).extracting(Shell.Token::text).containsExactly("curl", "-u", "p:q", "x");

        List<Shell.Token> json =
                Shell.tokens("curl -d '{\"id\":\"'$EVALUATION_ID'\"}' $B/a > out.json", Shell.lookup(vars));
        assertThat(json)
                .extracting(Shell.Token::text)
                .containsExactly("curl", "-d", "{\"id\":\"e-1\"}", "http://h:1/a", ">", "out.json");
        assertThat(json.get(4).operator()).isTrue();

        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        assertThat(Shell.tokens("'\"'$(date +%F)'\"'", Shell.lookup(vars)))
                .extracting(Shell.Token::text)
                .containsExactly("\"" + today + "\"");
        assertThat(Shell.tokens("$(date -d '+1 months' +%F)", Shell.lookup(vars)))
                .extracting(Shell.Token::text)
                .containsExactly(LocalDate.parse(today).plusMonths(1).toString());
    }

    @Test
    void aVariableNoExampleSetAndAnUnknownCommandSubstitutionAreRefused() {
        assertThatThrownBy(() -> Shell.tokens("curl $B/jobs/$JOB_ID", Shell.lookup(Map.of("B", "b"))))
                .hasMessageContaining("$JOB_ID");
        assertThatThrownBy(() -> Shell.tokens("$(whoami)", Shell.lookup(Map.of())))
                .hasMessageContaining("$(whoami)");
    }

    @Test
    void onlyTheTopLevelKeysOfAShownAnswerAreChecked() {
        assertThat(CurlExamples.topLevelKeys("{\"a\":1,\"b\":{\"c\":2},\"d\":[{\"e\":3}],…}"))
                .containsExactly("a", "b", "d");
    }
}
