package io.sinapse.api;

/** How a dense layer feeding an activation should draw its initial weights. */
public enum WeightInit {
    /** Xavier/Glorot uniform, limit sqrt(6 / (fanIn + fanOut)): keeps sigmoid and tanh out of saturation. */
    GLOROT,
    /** He (Kaiming) uniform, limit sqrt(6 / fanIn): keeps the variance of ReLU-family outputs from halving each layer. */
    HE
}
