package vn.ocop.service.console;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ocop.api.model.Job;
import vn.ocop.api.model.PublishRequest;
import vn.ocop.api.model.Ruleset;
import vn.ocop.api.model.RulesetDraftInput;
import vn.ocop.api.model.SimulationRequest;
import vn.ocop.api.server.RulesetsApi;
import vn.ocop.service.platform.web.ApiException;

/**
 * Rule sets for policy officers (auditors read): versions, a draft made by changing one file, its files and diff against
 * its parent, validate and test with file/line, simulation (a job, watched on the job page), publish with an effective
 * date, rollback. Every action is the API's own ({@link RulesetsApi}), with its checks and states.
 */
@Controller
class RulesetPages {
    private final RulesetsApi rulesets;

    RulesetPages(RulesetsApi rulesets) {
        this.rulesets = rulesets;
    }

    @GetMapping("/rulesets")
    String list(Model model) {
        List<Ruleset> all =
                new java.util.ArrayList<>(rulesets.listRulesets(null).getBody());
        all.sort(java.util.Comparator.comparing(Ruleset::getEdition)
                .thenComparing(Ruleset::getVersion, java.util.Comparator.reverseOrder()));
        model.addAttribute("rulesets", all);
        return "console/rulesets";
    }

    /** A new draft: the parent version's files with one file replaced (or added). */
    @PostMapping("/rulesets")
    String createDraft(
            @RequestParam String edition,
            @RequestParam(required = false) Integer parentVersion,
            @RequestParam(required = false) String note,
            @RequestParam String path,
            @RequestParam String content) {
        if (path.isBlank()) throw ApiException.invalidField("path", "is required");
        Ruleset r = rulesets.createRuleset(new RulesetDraftInput()
                        .edition(edition.strip())
                        .parentVersion(parentVersion)
                        .note(note)
                        .files(Map.of(path.strip(), content.replace("\r\n", "\n"))))
                .getBody();
        return "redirect:/rulesets/" + r.getId();
    }

    @GetMapping("/rulesets/{id}")
    String ruleset(@PathVariable String id, @RequestParam(required = false) String file, Model model) {
        Ruleset r = rulesets.getRuleset(id).getBody();
        model.addAttribute("r", r);
        model.addAttribute(
                "diff",
                r.getParentVersion() == null ? null : rulesets.diffRuleset(id).getBody());
        if (file != null && !file.isBlank()) {
            model.addAttribute("file", file);
            model.addAttribute("fileText", rulesets.getRulesetFile(id, file).getBody());
        }
        model.addAttribute("today", LocalDate.now(Vi.VIETNAM).toString());
        return "console/ruleset";
    }

    @PostMapping("/rulesets/{id}/validate")
    String validate(@PathVariable String id, Model model) {
        model.addAttribute("validation", rulesets.validateRuleset(id).getBody());
        return ruleset(id, null, model);
    }

    @PostMapping("/rulesets/{id}/test")
    String test(@PathVariable String id, Model model) {
        model.addAttribute("testReport", rulesets.testRuleset(id).getBody());
        return ruleset(id, null, model);
    }

    @PostMapping("/rulesets/{id}/simulate")
    String simulate(
            @PathVariable String id,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        Job job = rulesets.simulateRuleset(
                        id,
                        new SimulationRequest()
                                .province(blankToNull(province))
                                .group(blankToNull(group))
                                .from(from)
                                .to(to))
                .getBody();
        return "redirect:/jobs/" + job.getId();
    }

    @PostMapping("/rulesets/{id}/publish")
    String publish(@PathVariable String id, @RequestParam LocalDate effectiveFrom) {
        rulesets.publishRuleset(id, new PublishRequest().effectiveFrom(effectiveFrom));
        return "redirect:/rulesets/" + id;
    }

    @PostMapping("/rulesets/{id}/rollback")
    String rollback(@PathVariable String id) {
        rulesets.rollbackRuleset(id);
        return "redirect:/rulesets/" + id;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
