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

// Flow control of the pipeline between the reader and the ordered writer.
const (
	// recordOverhead is what each record in flight is charged on top of its
	// size, for its result. With flightBudget it caps the records in flight
	// at 4096.
	recordOverhead = 16 << 10
	// flightBudget caps the bytes of records read but not yet written.
	flightBudget = 64 << 20
	// flushDelay is how long written output may wait in buffers when no
	// more results are ready: a slow, interactive stream sees each record
	// soon, a fast one is not flushed record by record.
	flushDelay = 10 * time.Millisecond
	// batchRecords and batchBytes cap a batch: the records the reader
	// hands to a worker at once. Batching spares most of the channel
	// operations, wake-ups and budget locks per record, which cost as much
	// as converting a small record; a batch only takes records that are
	// already in the input buffer (see framer.ready), so a slow stream
	// still sees each record at once. (The 256 units of a batch's results
	// fit a small allocation, under 32 KiB. On the project machine 256 was
	// a few per cent faster on 2 cores than 64, for some 20 MB more peak
	// RSS; deeper queues gained nothing clear for twice the RSS.)
	batchRecords = 256
	batchBytes   = 256 << 10
)

// pump runs the records of fr through process (which appends the units of
// one record to its first argument) on workers goroutines and hands the
// units to emit in input order, from the calling goroutine.
//
// The reader goroutine cuts records, in batches of those already buffered,
// and charges each one, before passing it on, against a budget of bytes in
// flight that the writer refunds once the record is written; so at most
// flightBudget bytes and 4096 records are between the reader and the
// writer, however slow the writer or however far ahead a worker is.
// Workers process batches in any order; the writer holds finished ones
// until all earlier ones are written (the reassembly window is bounded by
// the same budget). idle (a flush) is called flushDelay after
// the writer ran out of ready results, so a slow, interactive stream sees
// each record soon while a fast one is not flushed record by record.
//
// readErr is an I/O error of the input; writeErr the first error of emit,
// after which the reader stops and the remaining records are dropped.
func pump(fr *framer, workers int, process func([]unit, rawRecord) []unit, emit func(unit) error, idle func() error) (readErr, writeErr error) {
	type job struct {
		seq  int
		cost int64
		recs []rawRecord
	}
	type done struct {
		seq   int
		cost  int64
		units []unit
	}
	workers = max(workers, 1)
	jobs := make(chan job, workers)
	results := make(chan done, workers)
	bud := newBudget(flightBudget)
	var stop atomic.Bool
	// Spent batch slices go back to the reader and the workers (cleared,
	// so they hold on to no record): a batch's slices are tens of KiB, and
	// making new ones for each batch kept the runtime busy finding spans.
	freeRecs := make(chan []rawRecord, 2*workers+2)
	freeUnits := make(chan []unit, 2*workers+2)

	go func() {
		defer close(jobs)
		for seq := 0; !stop.Load(); seq++ {
			var (
				recs = reuse(freeRecs)
				size int
				cost int64
			)
			for len(recs) == 0 || len(recs) < batchRecords && size < batchBytes && fr.ready() {
				rec, ok, err := fr.next()
				if err != nil {
					readErr = err // published by close(jobs)
					break
				}
				if !ok {
					break
				}
				recs = append(recs, rec)
				size += len(rec.data)
				cost += int64(len(rec.data)) + recordOverhead
			}
			if len(recs) > 0 {
				bud.acquire(cost)
				jobs <- job{seq: seq, cost: cost, recs: recs}
			} else {
				recycle(freeRecs, recs)
			}
			if readErr != nil || len(recs) == 0 || fr.done {
				return
			}
		}
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				units := reuse(freeUnits)
				for _, rec := range j.recs {
					units = process(units, rec)
				}
				recycle(freeRecs, j.recs)
				results <- done{seq: j.seq, cost: j.cost, units: units}
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	pending := make(map[int]done)
	next := 0
	var flushC <-chan time.Time // armed while written output waits for a flush
	for {
		var d done
		var ok bool
		select {
		case d, ok = <-results:
		case <-flushC:
			flushC = nil
			if writeErr == nil {
				if err := idle(); err != nil {
					writeErr = err
					stop.Store(true)
				}
			}
			continue
		}
		if !ok {
			break
		}
		pending[d.seq] = d
		for {
			d, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			for _, u := range d.units {
				if writeErr != nil {
					break
				}
				if err := emit(u); err != nil {
					writeErr = err
					stop.Store(true)
				}
			}
			bud.release(d.cost)
			recycle(freeUnits, d.units)
		}
		if flushC == nil && len(results) == 0 {
			flushC = time.After(flushDelay)
		}
	}
	return readErr, writeErr
}

// reuse returns a slice from free, or nil when free has none.
func reuse[T any](free chan []T) []T {
	select {
	case s := <-free:
		return s
	default:
		return nil
	}
}

// recycle clears s and puts it in free, unless free is full.
func recycle[T any](free chan []T, s []T) {
	clear(s)
	select {
	case free <- s[:0]:
	default:
	}
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
