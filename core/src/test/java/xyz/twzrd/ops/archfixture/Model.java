package xyz.twzrd.ops.archfixture;

import xyz.twzrd.ops.archfixture.sub.Helper;

/**
 * Test fixture for {@code ArchitectureTest}: a root package and its sub-package depending on each other, the cycle
 * that slices matching {@code root.(*)..} alone do not see. Never used by production code.
 */
public final class Model {
    public String describe() {
        return new Helper().name();
    }
}
