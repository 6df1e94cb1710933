/** gmm-bench: JMH benchmarks, side by side with the peers. GPL-3.0 (links Smile). */
module dev.gmm.bench {
    requires dev.gmm.core;
    requires jmh.core;
}
