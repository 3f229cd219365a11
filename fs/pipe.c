// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes: a ring of pages between a read end and a write end, 64 KiB
 * (16 pages) unless F_SETPIPE_SZ changes it, as Linux's; a page is made
 * when a writer first needs it and given back once it is read (one is
 * kept for the next write, Linux's tmp_page). Readers
 * sleep while it is empty and a writer exists (EOF once none does);
 * writers sleep while it is full and a reader exists (EPIPE and SIGPIPE
 * once none does). One writer at a time copies in (wbusy), so what it
 * measured as free stays free, and writes of up to PIPE_BUF bytes are
 * atomic; one reader at a time copies out (rbusy), taking bytes off the
 * ring only once the user has them. So each copies between the user and
 * its own part of the ring without the lock (the copy window: wcopy,
 * rcopy), which guards only head and len. Neither holds a window while
 * it sleeps for room or data, and F_SETPIPE_SZ waits only for the
 * windows to close (resizing holds new ones off), so a resize never
 * waits for a reader or writer that waits for the other side.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/wait.h>
#include <linux/uaccess.h>
#include <asm-generic/ioctls.h>

#define PIPE_DEF_BUFFERS	16		/* pages: Linux's default */
#define PIPE_MAX_SIZE		1048576		/* Linux's fs.pipe-max-size */
#define PIPE_BUF		4096

struct pipe_inode_info {
	spinlock_t lock;
	struct wait_queue_head wait;	/* readers and writers */
	/* changed only by a resize, with resizing set and no copy window
	 * open; read under lock or inside a window: */
	char **bufs;			/* size / PAGE_SIZE pages, NULL until used */
	unsigned int size;		/* bytes, a power of two pages */
	/* lock must be held when using these: */
	unsigned int head, len;
	int readers, writers;
	unsigned int r_counter, w_counter;	/* opens so far, for FIFOs */
	bool wbusy;			/* a writer is in write(): one at a time */
	bool rbusy;			/* a reader is in read(): one at a time */
	bool wcopy, rcopy;		/* the copy windows (see the top) */
	char *tmp_page;			/* a drained page kept for the next write */
	bool resizing;			/* F_SETPIPE_SZ: no new window opens */
};

/* Take @busy (p->wbusy or p->rbusy): become the one writer or reader
 * copying. false if a signal came first. */
static bool pipe_take(struct pipe_inode_info *p, bool *busy)
{
	struct wait_queue_entry w = { .task = NULL };
	bool got;

	spin_lock(&p->lock);		/* the common case: nobody else */
	got = !*busy;
	*busy = true;
	spin_unlock(&p->lock);
	if (got)
		return true;
	for (;;) {
		prepare_to_wait(&p->wait, &w, TASK_INTERRUPTIBLE);
		spin_lock(&p->lock);
		got = !*busy;
		*busy = true;
		spin_unlock(&p->lock);
		if (got || signal_pending(current))
			break;
		schedule();
	}
	finish_wait(&p->wait, &w);
	return got;
}

static void pipe_give(struct pipe_inode_info *p, bool *busy)
{
	spin_lock(&p->lock);
	*busy = false;
	spin_unlock(&p->lock);
	wake_up(&p->wait);	/* those waiting for their turn */
}

/*
 * pipe_take_free_page - ring page @idx, which the reader just read from
 * (to its end if @to_end), if no byte in it is wanted any more: detached from
 * the ring, for the caller to free once the lock is dropped; else NULL.
 * A page goes once it is read to its end, unless the one writer is
 * writing in it (the ring wrapped: its tail is in the same page), or
 * once the pipe is empty and no writer is between measuring the tail
 * and publishing what it wrote (wcopy). As Linux's pipe_buf_release(),
 * one such page is kept as tmp_page for the next write (a ping-pong of
 * small messages then allocates nothing); so an idle pipe holds at
 * most that one page. Lock held.
 */
static char *pipe_take_free_page(struct pipe_inode_info *p, unsigned int idx, bool to_end)
{
	unsigned int tail_idx = ((p->head + p->len) & (p->size - 1)) >> PAGE_SHIFT;
	char *page = p->bufs[idx];

	lockdep_assert_held(&p->lock);
	if (!to_end && p->len)
		return NULL;
	if (idx == tail_idx && (p->len || p->wcopy))
		return NULL;
	p->bufs[idx] = NULL;
	if (!p->tmp_page) {
		p->tmp_page = page;
		return NULL;
	}
	return page;
}

/* __pipe_read - the copying out, by the one reader (rbusy held): bytes
 * leave the ring only once they reached the user. */
static ssize_t __pipe_read(struct file *f, char __user *ubuf, size_t len)
{
	struct pipe_inode_info *p = f->private_data;
	struct wait_queue_entry w = { .task = NULL };
	ssize_t done = 0;

	for (;;) {
		prepare_to_wait(&p->wait, &w, TASK_INTERRUPTIBLE);
		spin_lock(&p->lock);
		if (!p->resizing && (p->len || !p->writers || (f->f_flags & O_NONBLOCK)))
			break;
		spin_unlock(&p->lock);
		if (signal_pending(current)) {
			finish_wait(&p->wait, &w);
			return -ERESTARTSYS;
		}
		schedule();
	}
	finish_wait(&p->wait, &w);
	if (!p->len) {
		spin_unlock(&p->lock);
		return p->writers ? -EAGAIN : 0;
	}
	while (done < (ssize_t)len && p->len && !p->resizing) {
		unsigned int off = p->head & (PAGE_SIZE - 1);
		unsigned int idx = (p->head & (p->size - 1)) >> PAGE_SHIFT;
		size_t n = min(min(len - done, (size_t)p->len), PAGE_SIZE - off);
		char *page = p->bufs[idx];
		bool fault;

		p->rcopy = true;
		spin_unlock(&p->lock);	/* these bytes are the reader's alone */
		fault = copy_to_user(ubuf + done, page + off, n);
		spin_lock(&p->lock);
		p->rcopy = false;
		if (fault) {
			spin_unlock(&p->lock);
			wake_up(&p->wait);
			return done ? done : -EFAULT;
		}
		p->head = (p->head + n) & (p->size - 1);	/* only readers move head */
		p->len -= n;
		done += n;
		page = pipe_take_free_page(p, idx, off + n == PAGE_SIZE);
		if (page) {
			spin_unlock(&p->lock);
			free_page((unsigned long)page);
			spin_lock(&p->lock);
		}
	}
	spin_unlock(&p->lock);
	wake_up(&p->wait);
	return done;
}

static ssize_t pipe_read(struct file *f, char __user *ubuf, size_t len, loff_t *pos)
{
	struct pipe_inode_info *p = f->private_data;
	ssize_t ret;

	if (!pipe_take(p, &p->rbusy))
		return -ERESTARTSYS;
	ret = __pipe_read(f, ubuf, len);
	pipe_give(p, &p->rbusy);
	return ret;
}

static ssize_t __pipe_write(struct file *f, const void *src, size_t len, bool user,
			    bool nonblock);

static ssize_t pipe_write(struct file *f, const char __user *ubuf, size_t len,
			  loff_t *pos)
{
	struct pipe_inode_info *p = f->private_data;
	ssize_t ret;

	if (!pipe_take(p, &p->wbusy))
		return -ERESTARTSYS;
	ret = __pipe_write(f, ubuf, len, true, f->f_flags & O_NONBLOCK);
	pipe_give(p, &p->wbusy);
	return ret;
}

/*
 * pipe_page - the ring's page for byte @pos of @p, made now if it is
 * not there yet (outside the lock: only the writer, in its copy window,
 * adds pages). NULL if out of memory.
 */
static char *pipe_page(struct pipe_inode_info *p, unsigned int pos)
{
	char **slot = &p->bufs[(pos & (p->size - 1)) >> PAGE_SHIFT];

	if (!*slot)
		*slot = (char *)__get_free_page(GFP_KERNEL);
	return *slot;
}

/*
 * pipe_kernel_write - write(2)'s work from kernel memory, for sendfile
 * (Linux's splice into a pipe): the same blocking, atomicity, SIGPIPE
 * and EPIPE, and -EAGAIN when @nonblock and full. -EINVAL if @f is not
 * a pipe's write end (or FIFO). Returns the bytes written or -errno.
 */
ssize_t pipe_kernel_write(struct file *f, const void *buf, size_t len, bool nonblock)
{
	struct pipe_inode_info *p = get_pipe_info(f);
	ssize_t ret;

	if (!p)
		return -EINVAL;
	if (!pipe_take(p, &p->wbusy))
		return -ERESTARTSYS;
	ret = __pipe_write(f, buf, len, false, nonblock);
	pipe_give(p, &p->wbusy);
	return ret;
}

/* pipe_copy_in - @n bytes from @src (user memory, or kernel memory if
 * !@user) to @dst in the ring: 0 or -EFAULT. */
static int pipe_copy_in(char *dst, const void *src, size_t n, bool user)
{
	if (!user) {
		memcpy(dst, src, n);
		return 0;
	}
	return copy_from_user(dst, (const char __user *)src, n) ? -EFAULT : 0;
}

/* __pipe_write - the copying, by the one writer (wbusy held), from
 * user memory or (!@user) kernel memory at @src. */
static ssize_t __pipe_write(struct file *f, const void *src, size_t len, bool user,
			    bool nonblock)
{
	struct pipe_inode_info *p = f->private_data;
	ssize_t done = 0;

	while (done < (ssize_t)len) {
		struct wait_queue_entry w = { .task = NULL };
		size_t want = len - done <= PIPE_BUF ? len - done : 1, n;
		unsigned int tail;
		char *page;
		int err;

		for (;;) {
			prepare_to_wait(&p->wait, &w, TASK_INTERRUPTIBLE);
			spin_lock(&p->lock);
			if (!p->resizing && (!p->readers || p->size - p->len >= want || nonblock))
				break;
			spin_unlock(&p->lock);
			if (signal_pending(current)) {
				finish_wait(&p->wait, &w);
				return done ? done : -ERESTARTSYS;
			}
			schedule();
		}
		finish_wait(&p->wait, &w);
		if (!p->readers) {
			spin_unlock(&p->lock);
			send_sig(SIGPIPE, current, 0);
			return done ? done : -EPIPE;
		}
		tail = p->head + p->len;
		n = min(len - done, (size_t)(p->size - p->len));
		n = min(n, PAGE_SIZE - (tail & (PAGE_SIZE - 1)));
		if (!n) {
			spin_unlock(&p->lock);
			return done ? done : -EAGAIN;
		}
		p->wcopy = true;
		if (!p->bufs[(tail & (p->size - 1)) >> PAGE_SHIFT] && p->tmp_page) {
			p->bufs[(tail & (p->size - 1)) >> PAGE_SHIFT] = p->tmp_page;
			p->tmp_page = NULL;
		}
		spin_unlock(&p->lock);
		/* the free part of the ring is the writer's alone */
		page = pipe_page(p, tail);
		err = !page ? -ENOMEM : pipe_copy_in(page + (tail & (PAGE_SIZE - 1)),
						     (const char *)src + done, n, user);
		spin_lock(&p->lock);
		p->wcopy = false;
		if (!err)
			p->len += n;
		spin_unlock(&p->lock);
		wake_up(&p->wait);
		if (err)
			return done ? done : err;
		done += n;
	}
	return done;
}

/* pipe_free_bufs - the @nr pages of @bufs that were made, and @bufs. */
static void pipe_free_bufs(char **bufs, unsigned int nr)
{
	for (unsigned int i = 0; i < nr; i++)
		if (bufs[i])
			free_page((unsigned long)bufs[i]);
	kfree(bufs);
}

/* pipe_free - the last end went: the ring and the pipe. */
static void pipe_free(struct pipe_inode_info *p)
{
	pipe_free_bufs(p->bufs, p->size >> PAGE_SHIFT);
	if (p->tmp_page)
		free_page((unsigned long)p->tmp_page);
	kfree(p);
}

/* pipe_drop - one end of @p (opened with @mode) goes; true if it was
 * the last. */
static bool pipe_drop(struct pipe_inode_info *p, fmode_t mode)
{
	bool last;

	spin_lock(&p->lock);
	if (mode & FMODE_READ)
		p->readers--;
	if (mode & FMODE_WRITE)
		p->writers--;
	last = !p->readers && !p->writers;
	/* wake while holding the lock: once it is dropped, the other end's
	 * release may free the pipe */
	wake_up(&p->wait);
	spin_unlock(&p->lock);
	return last;
}

/* pipe_release - the ->release of both ends of a pipe or FIFO: the
 * last end frees the pipe (a FIFO's under its inode's lock, so that
 * fifo_open() cannot pick it up meanwhile). */
static void pipe_release(struct file *f)
{
	struct pipe_inode_info *p = f->private_data;
	struct inode *fifo = f->f_inode;

	f->private_data = NULL;		/* fput must not kfree it */
	if (!fifo) {
		if (pipe_drop(p, f->f_mode))
			pipe_free(p);
		return;
	}
	/* a FIFO: the inode's lock keeps fifo_open from finding the pipe
	 * while its last end goes */
	inode_lock(fifo);
	if (pipe_drop(p, f->f_mode)) {
		fifo->i_pipe = NULL;
		pipe_free(p);
	}
	inode_unlock(fifo);
}

/*
 * pipe_poll - a read end is readable with bytes in the ring and hung up
 * (POLLHUP) once no writer is left; a write end is writable while the
 * ring has room, and POLLERR once no reader is left (Linux's
 * pipe_poll).
 */
static __poll_t pipe_poll(struct file *f, poll_table *wait)
{
	struct pipe_inode_info *p = f->private_data;
	__poll_t mask = 0;

	poll_wait(f, &p->wait, wait);
	spin_lock(&p->lock);
	if (f->f_mode & FMODE_READ) {
		if (p->len)
			mask |= POLLIN | POLLRDNORM;
		if (!p->writers)
			mask |= POLLHUP;
	}
	if (f->f_mode & FMODE_WRITE) {
		if (p->len < p->size)
			mask |= POLLOUT | POLLWRNORM;
		if (!p->readers)
			mask |= POLLERR;
	}
	spin_unlock(&p->lock);
	return mask;
}

/* pipe_ioctl - FIONREAD: the bytes the pipe holds (an int), as Linux's
 * pipe_ioctl; -EFAULT for a bad pointer, -ENOTTY for any other command. */
static int pipe_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *p = f->private_data;
	int count;

	if (cmd != FIONREAD)
		return -ENOTTY;
	spin_lock(&p->lock);
	count = p->len;
	spin_unlock(&p->lock);
	return put_user(count, (int __user *)arg) ? -EFAULT : 0;
}

static const struct file_operations pipe_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.poll = pipe_poll,
	.ioctl = pipe_ioctl,
	.release = pipe_release,
};

/* round_pipe_size - @size as a ring can have it: at least a page, a
 * power of two pages; 0 if it is too big to be one. */
static unsigned int round_pipe_size(unsigned long size)
{
	unsigned long n = PAGE_SIZE;

	if (size > (1UL << 31))
		return 0;
	while (n < size)
		n <<= 1;
	return n;
}

/*
 * pipe_resize - give @p a ring of @size bytes (round_pipe_size()'s),
 * moving what is in it to the start of the new one. resizing set and
 * no copy window open, so nothing else moves head, len or the pages. -EBUSY if it holds more than @size
 * (Linux counts pages in use; mmos bytes), -ENOMEM.
 */
static long pipe_resize(struct pipe_inode_info *p, unsigned int size)
{
	unsigned int nr = size >> PAGE_SHIFT, old_nr = p->size >> PAGE_SHIFT;
	char **bufs = kzalloc(nr * sizeof(*bufs), GFP_KERNEL);
	unsigned int pos, len;

	if (!bufs)
		return -ENOMEM;
	spin_lock(&p->lock);
	pos = p->head;
	len = p->len;
	spin_unlock(&p->lock);
	if (len > size) {
		kfree(bufs);
		return -EBUSY;
	}
	/* the used bytes, a page at a time, to offset 0 of the new ring */
	for (unsigned int done = 0; done < len; ) {
		unsigned int off = (pos + done) & (PAGE_SIZE - 1);
		unsigned int n = min(len - done, (unsigned int)(PAGE_SIZE - off));
		unsigned int dst = done;
		char *from = p->bufs[((pos + done) & (p->size - 1)) >> PAGE_SHIFT];

		for (unsigned int i = 0; i < n; ) {
			unsigned int doff = (dst + i) & (PAGE_SIZE - 1);
			unsigned int m = min(n - i, (unsigned int)(PAGE_SIZE - doff));
			char **slot = &bufs[(dst + i) >> PAGE_SHIFT];

			if (!*slot)
				*slot = (char *)__get_free_page(GFP_KERNEL);
			if (!*slot) {
				pipe_free_bufs(bufs, nr);
				return -ENOMEM;
			}
			memcpy(*slot + doff, from + off + i, m);
			i += m;
		}
		done += n;
	}
	pipe_free_bufs(p->bufs, old_nr);
	spin_lock(&p->lock);
	p->bufs = bufs;
	p->size = size;
	p->head = 0;
	spin_unlock(&p->lock);
	return size;
}

/*
 * pipe_set_size - F_SETPIPE_SZ: a ring of @arg bytes, rounded up to a
 * power of two pages. -EINVAL if that is no size, -EPERM above
 * fs.pipe-max-size without CAP_SYS_RESOURCE, -EBUSY if what the pipe
 * holds does not fit; else the new size.
 */
static long pipe_set_size(struct pipe_inode_info *p, unsigned long arg)
{
	unsigned int size = round_pipe_size(arg);
	long ret;

	if (!size)
		return -EINVAL;
	if (size > p->size && size > PIPE_MAX_SIZE && !capable(CAP_SYS_RESOURCE))
		return -EPERM;
	spin_lock(&p->lock);
	while (p->resizing) {		/* another resize: wait for it to end */
		spin_unlock(&p->lock);
		schedule();
		spin_lock(&p->lock);
	}
	p->resizing = true;
	while (p->wcopy || p->rcopy) {	/* short: no window sleeps for the other side */
		spin_unlock(&p->lock);
		schedule();
		spin_lock(&p->lock);
	}
	spin_unlock(&p->lock);
	ret = size == p->size ? size : pipe_resize(p, size);
	spin_lock(&p->lock);
	p->resizing = false;
	spin_unlock(&p->lock);
	wake_up(&p->wait);
	return ret;
}

/* pipe_fcntl - F_SETPIPE_SZ and F_GETPIPE_SZ of @f: -EBADF if it is
 * not a pipe, as Linux's. */
long pipe_fcntl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *p = get_pipe_info(f);

	if (!p)
		return -EBADF;
	if (cmd == F_SETPIPE_SZ)
		return pipe_set_size(p, arg);
	return p->size;
}

/* get_pipe_info - the pipe @f is an end of (an anonymous pipe or an
 * open FIFO), or NULL. */
struct pipe_inode_info *get_pipe_info(struct file *f)
{
	return f->f_op == &pipe_fops ? f->private_data : NULL;
}

/* alloc_pipe_info - a new, empty pipe with no ends. NULL if out of
 * memory. */
static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return NULL;
	p->bufs = kzalloc(PIPE_DEF_BUFFERS * sizeof(*p->bufs), GFP_KERNEL);
	if (!p->bufs) {
		kfree(p);
		return NULL;
	}
	p->size = PIPE_DEF_BUFFERS * PAGE_SIZE;
	spin_lock_init(&p->lock);
	init_waitqueue_head(&p->wait);
	return p;
}

/* wait_for_partner - sleep until the other end's count of opens moves
 * past @seen (*@counter): 0, or -ERESTARTSYS for a signal. */
static int wait_for_partner(struct pipe_inode_info *p, unsigned int *counter,
			    unsigned int seen)
{
	struct wait_queue_entry w = { .task = NULL };
	int err = 0;

	for (;;) {
		bool moved;

		prepare_to_wait(&p->wait, &w, TASK_INTERRUPTIBLE);
		spin_lock(&p->lock);
		moved = *counter != seen;
		spin_unlock(&p->lock);
		if (moved)
			break;
		if (signal_pending(current)) {
			err = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&p->wait, &w);
	return err;
}

/*
 * fifo_open - open of a FIFO (mknod S_IFIFO): the inode's pipe, made by
 * its first opener. As Linux: O_RDONLY waits for a writer unless
 * O_NONBLOCK; O_WRONLY waits for a reader, or with O_NONBLOCK is
 * -ENXIO without one; O_RDWR never waits.
 */
static int fifo_open(struct inode *inode, struct file *f)
{
	struct pipe_inode_info *p;
	unsigned int seen = 0, *counter = NULL;
	bool nonblock = f->f_flags & O_NONBLOCK;
	int err = 0;

	inode_lock(inode);
	p = inode->i_pipe;
	if (!p) {
		p = alloc_pipe_info();
		if (!p) {
			inode_unlock(inode);
			return -ENOMEM;
		}
		inode->i_pipe = p;
	}
	spin_lock(&p->lock);
	if ((f->f_mode & FMODE_WRITE) && !(f->f_mode & FMODE_READ) && nonblock &&
	    !p->readers) {
		err = -ENXIO;
	} else {
		if (f->f_mode & FMODE_READ) {
			p->readers++;
			p->r_counter++;
		}
		if (f->f_mode & FMODE_WRITE) {
			p->writers++;
			p->w_counter++;
		}
		if (f->f_mode == FMODE_READ && !p->writers && !nonblock) {
			counter = &p->w_counter;
			seen = p->w_counter;
		} else if (f->f_mode == FMODE_WRITE && !p->readers) {
			counter = &p->r_counter;
			seen = p->r_counter;
		}
	}
	wake_up(&p->wait);
	spin_unlock(&p->lock);
	if (err && !p->readers && !p->writers) {
		inode->i_pipe = NULL;
		pipe_free(p);
	}
	inode_unlock(inode);
	if (err)
		return err;
	f->f_op = &pipe_fops;
	f->private_data = p;
	if (counter && wait_for_partner(p, counter, seen)) {
		pipe_release(f);
		f->f_op = NULL;
		return -ERESTARTSYS;
	}
	return 0;
}

/* What a FIFO inode opens with: fifo_open picks pipe_fops. */
const struct file_operations pipefifo_fops = {
	.open = fifo_open,
};

static long do_pipe2(int __user *fildes, int flags)
{
	struct pipe_inode_info *p;
	struct file *r, *w;
	int fd[2];

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	p = alloc_pipe_info();
	if (!p)
		return -ENOMEM;
	r = alloc_file(NULL, &pipe_fops, O_RDONLY | (flags & O_NONBLOCK));
	w = r ? alloc_file(NULL, &pipe_fops, O_WRONLY | (flags & O_NONBLOCK)) : NULL;
	if (!w) {
		if (r)
			kfree(r);
		pipe_free(p);
		return -ENOMEM;
	}
	p->readers = p->writers = 1;
	r->private_data = w->private_data = p;
	fd[0] = fd_install_new(r, flags, 0);
	fd[1] = fd[0] < 0 ? -EMFILE : fd_install_new(w, flags, 0);
	if (fd[1] < 0) {
		if (fd[0] >= 0)
			close_fd(fd[0]);
		else
			fput(r);
		fput(w);
		return -EMFILE;
	}
	if (copy_to_user(fildes, fd, sizeof(fd))) {
		close_fd(fd[0]);
		close_fd(fd[1]);
		return -EFAULT;
	}
	return 0;
}

SYSCALL_DEFINE1(pipe, int __user *, fildes)
{
	return do_pipe2(fildes, 0);
}

SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	return do_pipe2(fildes, flags);
}
