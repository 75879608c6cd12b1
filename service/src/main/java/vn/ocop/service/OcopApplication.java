package vn.ocop.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The OCOP evaluation service: catalogue, stateless scoring, dossiers, assessments and evaluation records. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OcopApplication {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("rules")) {
            // the rule-pack command line: no web server, no store (docs/rule-authoring.md)
            System.exit(vn.ocop.rules.api.RulePlatform.get()
                    .runCommandLine(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(OcopApplication.class, args);
    }
}
