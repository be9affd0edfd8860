/// Counts of rows by composite key — one small id per key column, from ``ByteKeyInterner``.
///
/// While the key space is small (the product of the columns' id ranges, each rounded up to a
/// power of two, at most 2^16 — ample for service × ethnicity × stage) a key's entry is its ids
/// packed into one index, mixed radix, and the counts live in flat arrays: no hashing, one memory
/// access per row. When a column outgrows its range the arrays are laid out again; when the
/// space would pass 2^16 the table switches for good to open addressing on the id tuple.
///
/// Each entry also keeps the file position of its first counted row (rows are counted in file
/// order within one table), which orders values by first appearance.
final class GroupCountTable {
    /// Number of key columns.
    let width: Int
    static let maximumDenseBits = 16

    @exclusivity(unchecked) private var dense: Bool
    /// Dense mode: bits per column, and each column's shift in the packed index.
    private let bits: UnsafeMutablePointer<Int>
    private let shifts: UnsafeMutablePointer<Int>
    /// Hash mode: slots (`tag << 32 | entry + 1`, 0 empty) and the id tuple of every entry.
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) private var mask = 0
    @exclusivity(unchecked) private var keys = UnsafeGrowableArray<Int32>(capacity: 64)
    /// Per entry.
    @exclusivity(unchecked) private var counts = UnsafeGrowableArray<Int>(capacity: 1)
    @exclusivity(unchecked) private var firstPosition = UnsafeGrowableArray<Int>(capacity: 1)

    init(width: Int) {
        self.width = max(1, width)
        bits = .allocate(capacity: self.width)
        shifts = .allocate(capacity: self.width)
        slots = .allocate(capacity: 1)
        slots.initialize(to: 0)
        let initialBits = 2
        dense = initialBits * self.width <= GroupCountTable.maximumDenseBits
        if dense {
            bits.initialize(repeating: initialBits, count: self.width)
            shifts.initialize(repeating: 0, count: self.width)
            layOutDense()
        } else {
            bits.initialize(repeating: 0, count: self.width)
            shifts.initialize(repeating: 0, count: self.width)
            startHashing()
        }
    }

    deinit {
        bits.deallocate()
        shifts.deallocate()
        slots.deallocate()
    }

    /// The entry for the key `ids[0..<width]`, adding it if new.
    @inline(__always)
    func entry(_ ids: UnsafePointer<Int32>) -> Int {
        if dense {
            var index = 0
            for k in 0..<width {
                let id = Int(ids[k])
                if id >> bits[k] != 0 { return widen(k, to: id, ids) }
                index |= id &<< shifts[k]
            }
            return index
        }
        return hashedEntry(ids)
    }

    /// Counts one row under `entry`, at file position `position`.
    @inline(__always)
    func increment(_ entry: Int, position: Int) {
        let before = counts[entry]
        if before == 0 { firstPosition[entry] = position }
        counts[entry] = before &+ 1
    }

    /// Calls `body` with the ids, count and first position of every key with a count.
    func forEachCommitted(_ body: (UnsafePointer<Int32>, Int, Int) -> Void) {
        let ids = UnsafeMutablePointer<Int32>.allocate(capacity: width)
        defer { ids.deallocate() }
        for entry in 0..<counts.count where counts[entry] > 0 {
            for k in 0..<width {
                ids[k] = dense ? Int32((entry >> shifts[k]) & ((1 << bits[k]) - 1)) : keys[entry * width + k]
            }
            body(ids, counts[entry], firstPosition[entry])
        }
    }

    // MARK: Dense mode

    /// Grows column `k` so that `id` fits, re-laying the arrays out (or switching to hashing),
    /// and returns the entry of `ids`.
    private func widen(_ k: Int, to id: Int, _ ids: UnsafePointer<Int32>) -> Int {
        var needed = bits[k]
        while id >> needed != 0 { needed += 1 }
        let total = (0..<width).reduce(0) { $0 + ($1 == k ? needed : bits[$1]) }
        let oldBits = (0..<width).map { bits[$0] }, oldShifts = (0..<width).map { shifts[$0] }
        let oldCounts = counts.base, oldFirst = firstPosition.base, oldSize = counts.count
        // Keep the old arrays alive while their entries move.
        var keepCounts = UnsafeGrowableArray<Int>(capacity: 1), keepFirst = UnsafeGrowableArray<Int>(capacity: 1)
        swap(&keepCounts, &counts)
        swap(&keepFirst, &firstPosition)
        let oldIDs = UnsafeMutablePointer<Int32>.allocate(capacity: width)
        defer { oldIDs.deallocate() }
        if total > GroupCountTable.maximumDenseBits {
            dense = false
            startHashing()
        } else {
            bits[k] = needed
            layOutDense()
        }
        for old in 0..<oldSize where oldCounts[old] > 0 {
            for c in 0..<width { oldIDs[c] = Int32((old >> oldShifts[c]) & ((1 << oldBits[c]) - 1)) }
            let moved = entry(oldIDs)
            counts[moved] = oldCounts[old]
            firstPosition[moved] = oldFirst[old]
        }
        return entry(ids)
    }

    private func layOutDense() {
        var shift = 0
        for k in stride(from: width - 1, through: 0, by: -1) {
            shifts[k] = shift
            shift += bits[k]
        }
        let size = 1 << shift
        counts = UnsafeGrowableArray<Int>(capacity: size)
        firstPosition = UnsafeGrowableArray<Int>(capacity: size)
        counts.setCount(size)
        firstPosition.setCount(size)
    }

    // MARK: Hash mode

    private func startHashing() {
        slots.deallocate()
        mask = 255
        slots = .allocate(capacity: mask + 1)
        slots.initialize(repeating: 0, count: mask + 1)
        keys = UnsafeGrowableArray<Int32>(capacity: 256 * width)
        counts = UnsafeGrowableArray<Int>(capacity: 256)
        firstPosition = UnsafeGrowableArray<Int>(capacity: 256)
    }

    @inline(__always)
    private func hash(_ ids: UnsafePointer<Int32>) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3
        for i in 0..<width {
            h = (h ^ UInt64(UInt32(bitPattern: ids[i]))) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 32
        }
        return h
    }

    private func hashedEntry(_ ids: UnsafePointer<Int32>) -> Int {
        let h = hash(ids)
        let tag = h & 0xFFFF_FFFF_0000_0000
        var index = Int(truncatingIfNeeded: h) & mask
        while true {
            let slot = slots[index]
            if slot == 0 { return insert(ids, tag: tag, at: index) }
            if slot & 0xFFFF_FFFF_0000_0000 == tag {
                let entry = Int(slot & 0xFFFF_FFFF) - 1
                let stored = keys.base + entry * width
                var same = true
                for i in 0..<width where stored[i] != ids[i] { same = false; break }
                if same { return entry }
            }
            index = (index + 1) & mask
        }
    }

    private func insert(_ ids: UnsafePointer<Int32>, tag: UInt64, at index: Int) -> Int {
        let entry = counts.count
        keys.append(contentsOf: ids, count: width)
        counts.append(0)
        firstPosition.append(0)
        slots[index] = tag | UInt64(entry + 1)
        if (entry + 1) * 4 > (mask + 1) * 3 { growSlots() }
        return entry
    }

    private func growSlots() {
        let newMask = (mask + 1) * 2 - 1
        let newSlots = UnsafeMutablePointer<UInt64>.allocate(capacity: newMask + 1)
        newSlots.initialize(repeating: 0, count: newMask + 1)
        for entry in 0..<counts.count {
            let h = hash(keys.base + entry * width)
            var index = Int(truncatingIfNeeded: h) & newMask
            while newSlots[index] != 0 { index = (index + 1) & newMask }
            newSlots[index] = h & 0xFFFF_FFFF_0000_0000 | UInt64(entry + 1)
        }
        slots.deallocate()
        slots = newSlots
        mask = newMask
    }
}
