package stream

import (
	"bytes"
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// Flow control of Pump.
const (
	// flushDelay is how long written output may wait in buffers when
	// nothing more is written: a slow, interactive stream sees each record
	// soon, a fast one is not flushed record by record.
	flushDelay = 10 * time.Millisecond
	// recordOverhead is what each record in flight is charged on top of
	// its bytes, for its result. With flightBudget it caps the records in
	// flight at 4096.
	recordOverhead = 16 << 10
	// bytesFactor is what each byte of a record in flight is charged: the
	// record, its decoded form and its output, which are each about as
	// large as the record (a record's issues are capped, see
	// validate.Issues.Cap, so they are part of recordOverhead).
	bytesFactor = 3
	// valueCost is what each value of a record (counted by its commas) is
	// charged on top: a decoded member takes a few hundred bytes at its peak however short
	// its text (its slot in an object, its key and value, the provider
	// section that keeps an unknown one), so that a record of 75,000 tiny
	// unknown members is charged for the 10 MB it takes, not for its 1 MB.
	valueCost = 512
	// flightBudget caps the bytes charged for records read but not yet
	// written: whatever the number of workers, a stream holds at most
	// that much in flight (one record larger than the budget still
	// passes, alone).
	flightBudget = 64 << 20
	// batchRecords and batchBytes cap a batch: the records a worker cuts
	// from the input at once. Batching spares most of the locking, budget
	// accounting and wake-ups per record, which cost as much as converting
	// a small record; a batch only takes records that are already in the
	// input buffer (see Framer.Ready), so a slow stream still sees each
	// record at once. (The 256 units of a batch's results fit a small
	// allocation, under 32 KiB. On the project machine 256 was a few per
	// cent faster on 2 cores than 64, for some 20 MB more peak RSS.)
	batchRecords = 256
	batchBytes   = 256 << 10
)

// cost is what a record is charged against the flight budget.
func cost(data []byte) int64 {
	return int64(len(data))*bytesFactor + int64(bytes.Count(data, comma))*valueCost + recordOverhead
}

var comma = []byte{','}

// Pump runs the records of fr through process (which appends the units of
// one record, of any type U, to its first argument) on workers goroutines
// and hands the units to emit in input order, one call at a time.
//
// There is no reader or writer goroutine: each worker serves itself. It
// cuts a batch of records from the input (those already buffered, see
// Framer.Ready) under the input lock, processes it, and commits the
// units; whoever commits the batch that is next in input order emits it,
// and every later batch that is already done, while the other workers go
// on. So a record is read, converted and (mostly) written on the same
// core, and no goroutine hand-off is paid per batch: on two cores, moving
// each record and its output from a reader to a worker to a writer cost
// several per cent of the CPU.
//
// Each batch is charged, before it gets its place in the order, against a
// budget of bytes in flight (see cost) that is refunded once it is
// written; so at most flightBudget bytes' worth of records are read but not
// written, however slow the output, however many the workers, or however
// far ahead a worker is. The budget is taken under the input lock, in input
// order: a batch waiting for budget never holds up one that was cut before
// it.
//
// idle (a flush) is called when output has been emitted and nothing more
// for flushDelay: a slow, interactive stream sees each record soon, while a
// fast one is not flushed record by record. A goroutine of its own watches
// for that.
//
// When ctx is done, Pump stops cutting batches, emits every batch already
// cut (so every record it read is emitted whole or not read at all) and
// returns with canceled true, without waiting for a worker that is blocked
// reading the input: that goroutine ends when its read returns, and cuts
// nothing more.
//
// readErr is an I/O error of the input; writeErr the first error of emit
// or idle, after which no more records are read and the records in flight
// are dropped.
func Pump[U any](ctx context.Context, fr *Framer, workers int, process func([]U, Raw) []U, emit func(U) error, idle func() error) (readErr, writeErr error, canceled bool) {
	p := &pumper[U]{fr: fr, process: process, emit: emit, idle: idle,
		bud: newBudget(flightBudget), pending: make(map[int]batch[U])}
	p.emittedCond.L = &p.out
	done, flusherDone := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(flusherDone)
		p.flusher(done)
	}()
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Go(p.work)
	}
	workersDone := make(chan struct{})
	go func() {
		wg.Wait()
		close(workersDone)
	}()
	select {
	case <-workersDone:
	case <-ctx.Done():
		select {
		case <-workersDone: // the input had ended anyway
		default:
			canceled = true
			p.cancel()
		}
	}
	close(done)
	<-flusherDone
	if !canceled {
		// Every worker has returned: nobody holds the input side. (After a
		// cancel, one may be blocked in a read, holding it.)
		p.in.Lock()
		readErr = p.readErr
		p.in.Unlock()
	}
	p.out.Lock()
	writeErr = p.writeErr
	p.out.Unlock()
	return readErr, writeErr, canceled
}

// A pumper is the state the workers of Pump share.
type pumper[U any] struct {
	fr      *Framer
	process func([]U, Raw) []U
	emit    func(U) error
	idle    func() error
	bud     *budget
	// stop is set after a write error or a cancel: no more batches are
	// cut.
	stop atomic.Bool

	// in guards the input side: the framer, drained and readErr.
	in      sync.Mutex
	drained bool // the input is at its end or failed
	readErr error

	// seqMu guards the order: seq and closed. A batch gets its place
	// (its seq) under it, so that cancel knows which batches it must
	// still emit.
	seqMu  sync.Mutex
	seq    int  // of the next batch cut
	closed bool // canceled: no batch gets a place any more

	// out guards the output side.
	out         sync.Mutex
	emittedCond sync.Cond        // signalled when a batch is emitted
	pending     map[int]batch[U] // done, waiting for an earlier batch
	next        int              // sequence number of the next batch to emit
	emitting    bool             // a worker or the flusher is emitting; it also emits what is committed meanwhile
	free        [][]U            // emptied unit slices, for the next batches
	emitted     int              // batches emitted, for the flusher
	dirty       bool             // output emitted since the last flush
	writeErr    error
}

// A batch is the outcome of consecutive records.
type batch[U any] struct {
	seq   int
	cost  int64
	units []U
}

// work is one worker: cut a batch, process it, commit it, until the input
// ends, writing fails or the pump is canceled.
func (p *pumper[U]) work() {
	var recs []Raw
	var units []U
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
		units = p.commit(batch[U]{seq: seq, cost: cost, units: units})
	}
}

// cut appends the next batch of records to recs, charges it against the
// budget and gives it its place in the order; ok is false when there is
// none (the input ended or failed, writing failed, or the pump was
// canceled: then a batch read meanwhile is dropped).
func (p *pumper[U]) cut(recs []Raw) (_ []Raw, seq int, charged int64, ok bool) {
	p.in.Lock()
	defer p.in.Unlock()
	if p.drained || p.stop.Load() {
		return recs, 0, 0, false
	}
	size := 0
	for len(recs) == 0 || len(recs) < batchRecords && size < batchBytes && p.fr.Ready() {
		rec, ok, err := p.fr.Next()
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
		size += len(rec.Data)
		charged += cost(rec.Data)
		if p.stop.Load() {
			break
		}
	}
	if p.fr.done {
		p.drained = true
	}
	if len(recs) == 0 {
		return recs, 0, 0, false
	}
	p.bud.acquire(charged)
	p.seqMu.Lock()
	if p.closed {
		p.seqMu.Unlock()
		p.bud.release(charged)
		return recs[:0], 0, 0, false
	}
	seq = p.seq
	p.seq++
	p.seqMu.Unlock()
	return recs, seq, charged, true
}

// cancel stops the cutting and waits until every batch that got its place
// is emitted (or dropped after a write error).
func (p *pumper[U]) cancel() {
	p.stop.Store(true)
	p.seqMu.Lock()
	p.closed = true
	n := p.seq
	p.seqMu.Unlock()
	p.out.Lock()
	for p.next < n || p.emitting {
		p.emittedCond.Wait()
	}
	p.out.Unlock()
}

// commit hands a processed batch over for output and returns an empty
// unit slice for the next. If no other goroutine is emitting, it emits the
// batch, when it is next in order, and every later one that is done.
func (p *pumper[U]) commit(b batch[U]) []U {
	p.out.Lock()
	defer p.out.Unlock()
	p.pending[b.seq] = b
	units := p.takeFree()
	if !p.emitting {
		p.emitting = true
		p.drain()
		p.emitting = false
		p.emittedCond.Broadcast()
	}
	return units
}

// drain emits the pending batches that are next in order. The caller holds
// p.out and has set p.emitting; drain releases p.out while it emits, so
// that the other workers can commit meanwhile, and emits what they commit
// too.
func (p *pumper[U]) drain() {
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
func (p *pumper[U]) fail(err error) {
	if err != nil && p.writeErr == nil {
		p.writeErr = err
		p.stop.Store(true)
	}
}

// flusher calls idle, until done is closed, whenever output was emitted
// and nothing more for a whole flushDelay. It takes its turn as an emitter,
// so the flush never runs beside an emit, and emits what was committed
// while it flushed.
func (p *pumper[U]) flusher(done <-chan struct{}) {
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
			p.emittedCond.Broadcast()
		}
		seen = p.emitted
		p.out.Unlock()
	}
}

// takeFree returns an emptied unit slice, or nil; p.out must be held.
func (p *pumper[U]) takeFree() []U {
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
