# cochran-a sample sizes (unrounded) from epiR::epi.sssimpleestb, an implementation independent of
# yjstat's: n = n0 / (1 + (n0 - 1)/N), absolute error epsilon. Called by Scripts/oracles/sampling.py;
# prints lines "ROW,N,confidence,margin,proportion,n" (N = NA for an infinite population).
suppressMessages(library(epiR))
for (N in c(5, 10, 20, 40, 58, 100, 500, 10000, NA)) {
  for (conf in c(0.8, 0.9, 0.95, 0.99)) {
    for (margin in c(0.05, 0.03, 0.1)) {
      for (p in c(0.5, 0.3)) {
        n <- epi.sssimpleestb(N = N, Py = p, epsilon = margin, error = "absolute", se = 1, sp = 1,
                              nfractional = TRUE, conf.level = conf)
        cat(sprintf("ROW,%s,%s,%s,%s,%.17g\n", ifelse(is.na(N), "NA", N), conf, margin, p, n))
      }
    }
  }
}
