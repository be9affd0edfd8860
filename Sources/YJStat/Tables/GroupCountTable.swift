/// Counts of rows by composite key — one small id per key column, from ``ByteKeyInterner`` —
/// with a two-stage commit so that counts from a block parsed from a guessed start can be thrown
/// away.
///
/// While the key space is small (the product of the columns' id ranges, each rounded up to a
/// power of two, at most 2^16 — ample for service × ethnicity × stage) a key's entry is its ids
/// packed into one index, mixed radix, and the counts live in flat arrays: no hashing, one memory
/// access per row. When a column outgrows its range the arrays are laid out again; when the
/// space would pass 2^16 the table switches for good to open addressing on the id tuple.
///
/// Rows first go to a *pending* count; ``commit()`` adds pending counts to the totals and
/// ``discard()`` drops them. Only entries touched in the block are visited, so a block costs time
/// in proportion to its rows, not to the key space. Each entry also keeps the file position of
/// its first counted row, which orders values by first appearance.
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
    @exclusivity(unchecked) private var committed = UnsafeGrowableArray<Int>(capacity: 1)
    @exclusivity(unchecked) private var firstPosition = UnsafeGrowableArray<Int>(capacity: 1)
    @exclusivity(unchecked) private var pending = UnsafeGrowableArray<Int>(capacity: 1)
    @exclusivity(unchecked) private var pendingFirst = UnsafeGrowableArray<Int>(capacity: 1)
    @exclusivity(unchecked) private var touched = UnsafeGrowableArray<Int>(capacity: 1024)

    init(width: Int) {
        self.width = max(1, width)
        bits = .allocate(capacity: self.width)
        shifts = .allocate(capacity: self.width)
        slots = .allocate(capacity: 1)
        slots.initialize(to: 0)
        dense = 2 * self.width <= GroupCountTable.maximumDenseBits
        if dense {
            bits.initialize(repeating: 2, count: self.width)
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
                index |= id << shifts[k]
            }
            return index
        }
        return hashedEntry(ids)
    }

    /// Adds one pending row to `entry`, at file position `position`.
    @inline(__always)
    func increment(_ entry: Int, position: Int) {
        let before = pending[entry]
        if before == 0 {
            touched.append(entry)
            pendingFirst[entry] = position
        }
        pending[entry] = before &+ 1
    }

    /// Adds pending counts to the committed totals.
    func commit() {
        for i in 0..<touched.count {
            let entry = touched[i]
            committed[entry] += pending[entry]
            if pendingFirst[entry] < firstPosition[entry] { firstPosition[entry] = pendingFirst[entry] }
            pending[entry] = 0
        }
        touched.setCount(0)
    }

    /// Drops pending counts.
    func discard() {
        for i in 0..<touched.count { pending[touched[i]] = 0 }
        touched.setCount(0)
    }

    /// Calls `body` with the ids, count and first position of every key with a committed count.
    func forEachCommitted(_ body: ([Int32], Int, Int) -> Void) {
        for entry in 0..<committed.count where committed[entry] > 0 {
            body(ids(of: entry), committed[entry], firstPosition[entry])
        }
    }

    private func ids(of entry: Int) -> [Int32] {
        if dense {
            return (0..<width).map { Int32((entry >> shifts[$0]) & ((1 << bits[$0]) - 1)) }
        }
        return (0..<width).map { keys[entry * width + $0] }
    }

    // MARK: Dense mode

    /// Grows column `k` so that `id` fits, re-laying the arrays out (or switching to hashing),
    /// and returns the entry of `ids`.
    private func widen(_ k: Int, to id: Int, _ ids: UnsafePointer<Int32>) -> Int {
        let saved = savedEntries()
        var needed = bits[k]
        while id >> needed != 0 { needed += 1 }
        let total = (0..<width).reduce(0) { $0 + ($1 == k ? needed : bits[$1]) }
        if total > GroupCountTable.maximumDenseBits {
            dense = false
            startHashing()
        } else {
            bits[k] = needed
            layOutDense()
        }
        restore(saved)
        return entry(ids)
    }

    private func layOutDense() {
        var shift = 0
        for k in stride(from: width - 1, through: 0, by: -1) {
            shifts[k] = shift
            shift += bits[k]
        }
        let size = 1 << shift
        committed = UnsafeGrowableArray<Int>(capacity: size)
        pending = UnsafeGrowableArray<Int>(capacity: size)
        firstPosition = UnsafeGrowableArray<Int>(capacity: size)
        pendingFirst = UnsafeGrowableArray<Int>(capacity: size)
        committed.setCount(size)
        pending.setCount(size)
        firstPosition.setCount(size)
        pendingFirst.setCount(size)
        for i in 0..<size { firstPosition[i] = Int.max }
        touched.setCount(0)
    }

    // MARK: Hash mode

    private func startHashing() {
        slots.deallocate()
        mask = 255
        slots = .allocate(capacity: mask + 1)
        slots.initialize(repeating: 0, count: mask + 1)
        keys = UnsafeGrowableArray<Int32>(capacity: 256 * width)
        committed = UnsafeGrowableArray<Int>(capacity: 256)
        pending = UnsafeGrowableArray<Int>(capacity: 256)
        firstPosition = UnsafeGrowableArray<Int>(capacity: 256)
        pendingFirst = UnsafeGrowableArray<Int>(capacity: 256)
        touched.setCount(0)
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
        let entry = committed.count
        keys.append(contentsOf: ids, count: width)
        committed.append(0)
        pending.append(0)
        firstPosition.append(Int.max)
        pendingFirst.append(Int.max)
        slots[index] = tag | UInt64(entry + 1)
        if (entry + 1) * 4 > (mask + 1) * 3 { growSlots() }
        return entry
    }

    private func growSlots() {
        let newMask = (mask + 1) * 2 - 1
        let newSlots = UnsafeMutablePointer<UInt64>.allocate(capacity: newMask + 1)
        newSlots.initialize(repeating: 0, count: newMask + 1)
        for entry in 0..<committed.count {
            let h = hash(keys.base + entry * width)
            var index = Int(truncatingIfNeeded: h) & newMask
            while newSlots[index] != 0 { index = (index + 1) & newMask }
            newSlots[index] = h & 0xFFFF_FFFF_0000_0000 | UInt64(entry + 1)
        }
        slots.deallocate()
        slots = newSlots
        mask = newMask
    }

    // MARK: Moving entries between layouts

    private struct SavedEntry {
        var ids: [Int32]
        var committed: Int, firstPosition: Int, pending: Int, pendingFirst: Int
    }

    /// Every entry with a count (committed or pending), in the order of `touched` first so that
    /// the pending list can be rebuilt.
    private func savedEntries() -> [SavedEntry] {
        var out: [SavedEntry] = []
        var isPending = Set<Int>()
        for i in 0..<touched.count {
            let entry = touched[i]
            isPending.insert(entry)
            out.append(SavedEntry(ids: ids(of: entry), committed: committed[entry], firstPosition: firstPosition[entry],
                                  pending: pending[entry], pendingFirst: pendingFirst[entry]))
        }
        for entry in 0..<committed.count where committed[entry] > 0 && !isPending.contains(entry) {
            out.append(SavedEntry(ids: ids(of: entry), committed: committed[entry], firstPosition: firstPosition[entry],
                                  pending: 0, pendingFirst: Int.max))
        }
        return out
    }

    private func restore(_ saved: [SavedEntry]) {
        for item in saved {
            let entry = item.ids.withUnsafeBufferPointer { self.entry($0.baseAddress!) }
            committed[entry] = item.committed
            firstPosition[entry] = item.firstPosition
            pending[entry] = item.pending
            pendingFirst[entry] = item.pendingFirst
            if item.pending > 0 { touched.append(entry) }
        }
    }
}
