package io.il4j.bc.internal;

import io.il4j.core.nn.Head;
import io.il4j.bc.BcConfig;
import io.il4j.core.space.ActionSpace;
import io.il4j.core.space.Discrete;

/** Creates the {@link Head} a config asks for, for an action space (assumed already checked compatible). */
public final class Heads {
    private Heads() {
    }

    public static Head create(BcConfig c, ActionSpace space) {
        int dim = space.storageDim();
        return switch (c.head()) {
            case MSE -> new DeterministicHead(dim);
            case GAUSSIAN -> new GaussianHead(dim, c.logStdMin(), c.logStdMax(), c.entropyBonus(), c.nllBeta());
            case MDN -> new MixtureDensityHead(dim, c.mixtureComponents(), c.mixtureMinStd(), c.logStdMax());
            case CATEGORICAL -> {
                if (!(space instanceof Discrete d))
                    throw new IllegalArgumentException("the categorical head needs a discrete action space, got " + space);
                yield new CategoricalHead(d.n());
            }
        };
    }
}
