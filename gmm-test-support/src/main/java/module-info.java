/** Helpers shared by the modules' tests: a dependency-free reader for the JSON fixtures. */
module dev.gmm.testsupport {
    exports dev.gmm.testsupport;
}
