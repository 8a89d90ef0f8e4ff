package xyz.twzrd.ops.core.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationTest {
    @Test
    void healthUrls() {
        assertThat(Validation.healthUrl("http://localhost:8080/health")).isEmpty();
        assertThat(Validation.healthUrl("")).isEmpty();
        assertThat(Validation.healthUrl("ftp://x/")).contains("the health URL must start with http:// or https://");
        assertThat(Validation.healthUrl("http:///nohost")).contains("the health URL has no host");
        assertThat(Validation.healthUrl("http://a b/")).get().asString().startsWith("not a URL");
    }

    @Test
    void appNamesNeverReachAShell() {
        assertThat(Validation.apps("all")).isEmpty();
        assertThat(Validation.apps("gateway, cls-worker-s0,tree_builder.v2")).isEmpty();
        assertThat(Validation.apps("gateway;rm -rf /")).get().asString().contains("'gateway;rm -rf /' is not a valid PM2 app name");
        assertThat(Validation.apps("$(id)")).isPresent();
        assertThat(Validation.apps("")).get().asString().startsWith("apps is blank: a blank app list restarts nothing");
        assertThat(Validation.apps(" ")).isPresent();
    }

    @Test
    void targetsAndDurations() {
        assertThat(Validation.target("deploy@vps1.example.org")).isEmpty();
        assertThat(Validation.target("deploy@127.0.0.1:2222")).isEmpty();
        assertThat(Validation.target("vps1")).get().asString().contains("user@host[:port]").contains("vps1");
        assertThat(Validation.target("a@b:99999")).isPresent();
        assertThat(Validation.duration("10s")).isEmpty();
        assertThat(Validation.duration("ten")).get().asString().contains("not a duration");
    }

    @Test
    void knownHostsAreRequiredForSshAndMustLookLikeKnownHosts() {
        assertThat(Validation.knownHosts("", false)).isEmpty();
        assertThat(Validation.knownHosts(" ", true)).get().asString().contains("cannot be turned off");
        assertThat(Validation.knownHosts("# vps\nvps.example.com,10.0.0.5 ssh-ed25519 AAAAC3Nza\n"
                + "[vps.example.com]:2222 ecdsa-sha2-nistp256 AAAAE2V\n@cert-authority *.example.com ssh-rsa AAAAB3\n", true)).isEmpty();
        assertThat(Validation.knownHosts("vps.example.com\n", true)).get().asString().contains("line 1");
        assertThat(Validation.knownHosts("ok ssh-ed25519 AAAA\nbad rsa AAAA", true)).get().asString().contains("line 2");
    }
}
