package main

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/custnorm/custnorm/convert"
)

// A unit is the outcome of one record: one per input record, or one per
// record of a container document (a secuconnect list), in order.
type unit struct {
	// record is the 1-based number of the input record it came from.
	record int
	// res is the library's result, paths prefixed for container members.
	res convert.Result
	// format and reason are set by detect.
	format, reason string
}

// Flow control of pump.
const (
	// flushDelay is how long written output may wait in buffers when
	// nothing more is written: a slow, interactive stream sees each record
	// soon, a fast one is not flushed record by record.
	flushDelay = 10 * time.Millisecond
	// recordOverhead is what each record in flight is charged on top of its
	// size, for its result. With flightBudget it caps the records in flight
	// at 4096.
	recordOverhead = 16 << 10
	// flightBudget caps the bytes of records read but not yet written.
	flightBudget = 64 << 20
	// batchRecords and batchBytes cap a batch: the records a worker cuts
	// from the input at once. Batching spares most of the locking, budget
	// accounting and wake-ups per record, which cost as much as converting
	// a small record; a batch only takes records that are already in the
	// input buffer (see framer.ready), so a slow stream still sees each
	// record at once. (The 256 units of a batch's results fit a small
	// allocation, under 32 KiB. On the project machine 256 was a few per
	// cent faster on 2 cores than 64, for some 20 MB more peak RSS.)
	batchRecords = 256
	batchBytes   = 256 << 10
)

// pump runs the records of fr through process (which appends the units of
// one record to its first argument) on workers goroutines and hands the
// units to emit in input order.
//
// There is no reader or writer goroutine: each worker serves itself. It
// cuts a batch of records from the input (those already buffered, see
// framer.ready) under the input lock, processes it, and commits the
// units; whoever commits the batch that is next in input order emits it,
// and every later batch that is already done, while the other workers go
// on. So a record is read, converted and (mostly) written on the same
// core, and no goroutine hand-off is paid per batch: on two cores, moving
// each record and its output from a reader to a worker to a writer cost
// several per cent of the CPU.
//
// Each batch is charged, before it gets its place in the order, against a
// budget of bytes in flight that is refunded once it is written; so at
// most flightBudget bytes and 4096 records are read but not written,
// however slow the output or however far ahead a worker is. The budget is
// taken under the input lock, in input order: a batch waiting for budget
// never holds up one that was cut before it.
//
// idle (a flush) is called when output has been emitted and nothing more
// for flushDelay: a slow, interactive stream sees each record soon, while a
// fast one is not flushed record by record. A goroutine of its own watches
// for that.
//
// readErr is an I/O error of the input; writeErr the first error of emit
// or idle, after which no more records are read and the records in flight
// are dropped.
func pump(fr *framer, workers int, process func([]unit, rawRecord) []unit, emit func(unit) error, idle func() error) (readErr, writeErr error) {
	p := &pumper{fr: fr, process: process, emit: emit, idle: idle,
		bud: newBudget(flightBudget), pending: make(map[int]batch)}
	done, flusherDone := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(flusherDone)
		p.flusher(done)
	}()
	var wg sync.WaitGroup
	for range max(workers, 1) - 1 {
		wg.Go(p.work)
	}
	p.work()
	wg.Wait()
	close(done)
	<-flusherDone
	return p.readErr, p.writeErr
}

// A pumper is the state the workers of pump share.
type pumper struct {
	fr      *framer
	process func([]unit, rawRecord) []unit
	emit    func(unit) error
	idle    func() error
	bud     *budget
	// stop is set after a write error: no more batches are cut.
	stop atomic.Bool

	// in guards the input side: the framer, the sequence and readErr.
	in      sync.Mutex
	seq     int  // of the next batch cut
	drained bool // the input is at its end or failed
	readErr error

	// out guards the output side.
	out      sync.Mutex
	pending  map[int]batch // done, waiting for an earlier batch
	next     int           // sequence number of the next batch to emit
	emitting bool          // a worker or the flusher is emitting; it also emits what is committed meanwhile
	free     [][]unit      // emptied unit slices, for the next batches
	emitted  int           // batches emitted, for the flusher
	dirty    bool          // output emitted since the last flush
	writeErr error
}

// A batch is the outcome of consecutive records.
type batch struct {
	seq   int
	cost  int64
	units []unit
}

// work is one worker: cut a batch, process it, commit it, until the input
// ends or writing fails.
func (p *pumper) work() {
	var recs []rawRecord
	var units []unit
	for {
		var seq int
		var cost int64
		var ok bool
		recs, seq, cost, ok = p.cut(recs[:0])
		if !ok {
			return
		}
		for _, rec := range recs {
			units = p.process(units, rec)
		}
		clear(recs) // the records are not needed any more
		units = p.commit(batch{seq: seq, cost: cost, units: units})
	}
}

// cut appends the next batch of records to recs and charges it against
// the budget; ok is false when there is none (the input ended or failed,
// or writing failed).
func (p *pumper) cut(recs []rawRecord) (_ []rawRecord, seq int, cost int64, ok bool) {
	p.in.Lock()
	defer p.in.Unlock()
	if p.drained || p.stop.Load() {
		return recs, 0, 0, false
	}
	size := 0
	for len(recs) == 0 || len(recs) < batchRecords && size < batchBytes && p.fr.ready() {
		rec, ok, err := p.fr.next()
		if err != nil {
			p.readErr = err
			p.drained = true
			break
		}
		if !ok {
			p.drained = true
			break
		}
		recs = append(recs, rec)
		size += len(rec.data)
		cost += int64(len(rec.data)) + recordOverhead
	}
	if p.fr.done {
		p.drained = true
	}
	if len(recs) == 0 {
		return recs, 0, 0, false
	}
	p.bud.acquire(cost)
	seq = p.seq
	p.seq++
	return recs, seq, cost, true
}

// commit hands a processed batch over for output and returns an empty
// unit slice for the next. If no other goroutine is emitting, it emits the
// batch, when it is next in order, and every later one that is done.
func (p *pumper) commit(b batch) []unit {
	p.out.Lock()
	defer p.out.Unlock()
	p.pending[b.seq] = b
	units := p.takeFree()
	if !p.emitting {
		p.emitting = true
		p.drain()
		p.emitting = false
	}
	return units
}

// drain emits the pending batches that are next in order. The caller holds
// p.out and has set p.emitting; drain releases p.out while it emits, so
// that the other workers can commit meanwhile, and emits what they commit
// too.
func (p *pumper) drain() {
	for {
		d, ok := p.pending[p.next]
		if !ok {
			return
		}
		delete(p.pending, p.next)
		p.next++
		failed := p.writeErr != nil
		p.out.Unlock()
		var err error
		for _, u := range d.units {
			if failed {
				break
			}
			if err = p.emit(u); err != nil {
				failed = true
			}
		}
		p.bud.release(d.cost)
		clear(d.units)
		p.out.Lock()
		p.fail(err)
		p.emitted++
		p.dirty = true
		p.free = append(p.free, d.units[:0])
	}
}

// fail records the first write error and stops the reading; p.out must be
// held.
func (p *pumper) fail(err error) {
	if err != nil && p.writeErr == nil {
		p.writeErr = err
		p.stop.Store(true)
	}
}

// flusher calls idle, until done is closed, whenever output was emitted
// and nothing more for a whole flushDelay. It takes its turn as an emitter,
// so the flush never runs beside an emit, and emits what was committed
// while it flushed.
func (p *pumper) flusher(done <-chan struct{}) {
	t := time.NewTicker(flushDelay)
	defer t.Stop()
	seen := -1
	for {
		select {
		case <-done:
			return
		case <-t.C:
		}
		p.out.Lock()
		if p.dirty && p.emitted == seen && !p.emitting && p.writeErr == nil {
			p.emitting = true
			p.dirty = false
			p.out.Unlock()
			err := p.idle()
			p.out.Lock()
			p.fail(err)
			p.drain()
			p.emitting = false
		}
		seen = p.emitted
		p.out.Unlock()
	}
}

// takeFree returns an emptied unit slice, or nil; p.out must be held.
func (p *pumper) takeFree() []unit {
	n := len(p.free)
	if n == 0 {
		return nil
	}
	u := p.free[n-1]
	p.free = p.free[:n-1]
	return u
}

// A budget is a weighted semaphore: acquire blocks while the units in use
// plus the request would exceed the maximum, except that a request is
// always granted when nothing is in use (so one record larger than the
// budget still passes).
type budget struct {
	mu   sync.Mutex
	cond sync.Cond
	used int64
	max  int64
}

func newBudget(max int64) *budget {
	b := &budget{max: max}
	b.cond.L = &b.mu
	return b
}

func (b *budget) acquire(n int64) {
	b.mu.Lock()
	for b.used > 0 && b.used+n > b.max {
		b.cond.Wait()
	}
	b.used += n
	b.mu.Unlock()
}

func (b *budget) release(n int64) {
	b.mu.Lock()
	b.used -= n
	b.mu.Unlock()
	b.cond.Signal()
}
