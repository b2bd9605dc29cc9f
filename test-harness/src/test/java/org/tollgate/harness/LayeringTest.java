package org.tollgate.harness;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The module layering of DEVELOPERS.md: config → dsp, ivr-prompts → callcontrol → aaa, cdr → lines → gateway.
 * A lower module never imports a higher one (nor a sibling on the same layer).
 */
class LayeringTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tollgate");

    @Test
    @DisplayName("no module imports a module above it or beside it")
    void modulesAreLayers() {
        assertTrue(PRODUCTION.contain(org.tollgate.gateway.Main.class), "the module jars were imported");
        rule().check(PRODUCTION);
    }

    @Test
    @DisplayName("the rule catches a lower module importing a higher one")
    void ruleCatchesAnUpwardImport() {
        JavaClasses bad = new ClassFileImporter().importClasses(
                org.tollgate.config.archfixture.UpwardImport.class, org.tollgate.gateway.Main.class);
        assertThrows(AssertionError.class, () -> rule().check(bad));
    }

    private static ArchRule rule() {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("config").definedBy("org.tollgate.config..")
                .layer("dsp").definedBy("org.tollgate.dsp..")
                .layer("ivr-prompts").definedBy("org.tollgate.ivrprompts..")
                .layer("callcontrol").definedBy("org.tollgate.callcontrol..")
                .layer("aaa").definedBy("org.tollgate.aaa..")
                .layer("cdr").definedBy("org.tollgate.cdr..")
                .layer("lines").definedBy("org.tollgate.lines..")
                .layer("gateway").definedBy("org.tollgate.gateway..")
                .whereLayer("gateway").mayNotBeAccessedByAnyLayer()
                .whereLayer("lines").mayOnlyBeAccessedByLayers("gateway")
                .whereLayer("aaa").mayOnlyBeAccessedByLayers("lines", "gateway")
                .whereLayer("cdr").mayOnlyBeAccessedByLayers("lines", "gateway")
                .whereLayer("callcontrol").mayOnlyBeAccessedByLayers("aaa", "cdr", "lines", "gateway")
                .whereLayer("dsp").mayOnlyBeAccessedByLayers("callcontrol", "aaa", "cdr", "lines", "gateway")
                .whereLayer("ivr-prompts").mayOnlyBeAccessedByLayers("callcontrol", "aaa", "cdr", "lines", "gateway")
                .withOptionalLayers(true);
    }
}
