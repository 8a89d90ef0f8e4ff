package xyz.twzrd.ops.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactTest {
    @Test
    void keyValuePairsWhoseKeyNamesASecret() {
        assertThat(Redact.secrets("ERROR login failed user=bob password=hunter2 retry=3"))
                .isEqualTo("ERROR login failed user=bob password=REDACTED retry=3");
        assertThat(Redact.secrets("db.password: s3cr3t, api_key=AKIA123; TOKEN=abc&x=1"))
                .isEqualTo("db.password: REDACTED, api_key=REDACTED; TOKEN=REDACTED&x=1");
        assertThat(Redact.secrets("{\"clientSecret\":\"xyz\", \"secret_key\": 'q w'}"))
                .isEqualTo("{\"clientSecret\":\"REDACTED\", \"secret_key\": 'REDACTED'}");
        // a stack frame in a file called secret.js is no secret
        assertThat(Redact.secrets("    at load (/srv/app/secret.js:10:5)")).isEqualTo("    at load (/srv/app/secret.js:10:5)");
    }

    @Test
    void authorizationHeadersUrlCredentialsAndSlackWebhooks() {
        assertThat(Redact.secrets("Error: 401 with Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"))
                .isEqualTo("Error: 401 with Authorization: Bearer REDACTED");
        assertThat(Redact.secrets("sent bearer abcdefgh12345678 upstream")).isEqualTo("sent bearer REDACTED upstream");
        assertThat(Redact.secrets("connect ECONNREFUSED postgres://app:pa55@db.internal:5432/shop"))
                .isEqualTo("connect ECONNREFUSED postgres://REDACTED@db.internal:5432/shop");
        assertThat(Redact.secrets("post to https://hooks.slack.com/services/T000/B000/XXXXXXXX failed"))
                .isEqualTo("post to https://hooks.slack.com/REDACTED failed");
        assertThat(Redact.secrets("GET https://example.org/health 503")).isEqualTo("GET https://example.org/health 503");
        assertThat(Redact.secrets(null)).isNull();
        // signatures have their digits replaced before they are redacted: the patterns still hold
        assertThat(Redact.secrets("post to https://hooks.slack.com/services/T<n>DEMO/B<n>/x<n> failed"))
                .isEqualTo("post to https://hooks.slack.com/REDACTED failed");
        assertThat(Redact.secrets("from https://billing:s<n>cr<n>t@pay.example/v<n>")).isEqualTo("from https://REDACTED@pay.example/v<n>");
    }
}
