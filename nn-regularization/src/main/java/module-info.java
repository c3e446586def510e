/**
 * Weight penalties against overfitting, reached by name through {@link io.sinapse.api.Plugins}: {@code l1}
 * (lasso), {@code l2} (ridge) and {@code elastic_net}, their mix. Exports nothing.
 *
 * @provides io.sinapse.api.Regularizer
 */
module io.sinapse.regularization {
    requires io.sinapse.api;

    provides io.sinapse.api.Regularizer with
            io.sinapse.regularization.L1,
            io.sinapse.regularization.L2,
            io.sinapse.regularization.ElasticNet;
}
