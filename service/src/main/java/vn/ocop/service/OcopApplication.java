package vn.ocop.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The OCOP evaluation service: catalogue, stateless scoring, dossiers, assessments and evaluation records. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OcopApplication {
    public static void main(String[] args) {
        SpringApplication.run(OcopApplication.class, args);
    }
}
