package xyz.twzrd.ops.archfixture.sub;

import xyz.twzrd.ops.archfixture.Model;

/** Test fixture for {@code ArchitectureTest}: depends back on the root package (see {@link Model}). */
public final class Helper {
    public String name() {
        return "helper of " + Model.class.getSimpleName();
    }
}
