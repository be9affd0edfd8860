/// A demographic percentage of children cautioned or sentenced, with its comparator (a row of
