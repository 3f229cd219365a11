// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes: a one-page ring between a read end and a write end. Readers
 * sleep while it is empty and a writer exists (EOF once none does);
 * writers sleep while it is full and a reader exists (EPIPE and SIGPIPE
 * once none does). One writer at a time copies in (wbusy), so what it
 * measured as free stays free, and writes of up to PIPE_BUF bytes are
 * atomic; one reader at a time copies out (rbusy), taking bytes off the
 * ring only once the user has them.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/wait.h>

#define PIPE_SIZE	PAGE_SIZE
#define PIPE_BUF	4096

struct pipe_inode_info {
	spinlock_t lock;
	struct wait_queue_head wait;	/* readers and writers */
	char *buf;
	unsigned int head, len;		/* lock */
	int readers, writers;		/* lock */
	unsigned int r_counter, w_counter;	/* opens so far, for FIFOs: lock */
	bool wbusy;			/* a writer is copying in: lock */
	bool rbusy;			/* a reader is copying out: lock */
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

/* __pipe_read - the copying out, by the one reader (rbusy held): bytes
 * leave the ring only once they reached the user. */
static ssize_t __pipe_read(struct file *f, char __user *ubuf, size_t len)
{
	struct pipe_inode_info *p = f->private_data;
	struct wait_queue_entry w = { .task = NULL };
	char tmp[256];
	ssize_t done = 0;

	for (;;) {
		prepare_to_wait(&p->wait, &w, TASK_INTERRUPTIBLE);
		spin_lock(&p->lock);
		if (p->len || !p->writers || (f->f_flags & O_NONBLOCK))
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
	while (done < (ssize_t)len && p->len) {
		size_t n = min(min(len - done, (size_t)p->len), sizeof(tmp));

		for (size_t i = 0; i < n; i++)
			tmp[i] = p->buf[(p->head + i) % PIPE_SIZE];
		spin_unlock(&p->lock);
		if (copy_to_user(ubuf + done, tmp, n)) {
			wake_up(&p->wait);
			return done ? done : -EFAULT;
		}
		spin_lock(&p->lock);
		p->head = (p->head + n) % PIPE_SIZE;	/* only readers move head */
		p->len -= n;
		done += n;
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

/* __pipe_write - the copying, by the one writer (wbusy held), from
 * user memory or (!@user) kernel memory at @src. */
static ssize_t __pipe_write(struct file *f, const void *src, size_t len, bool user,
			    bool nonblock)
{
	struct pipe_inode_info *p = f->private_data;
	char tmp[256];
	ssize_t done = 0;

	while (done < (ssize_t)len) {
		struct wait_queue_entry w = { .task = NULL };
		size_t want = len - done <= PIPE_BUF ? len - done : 1, n;

		for (;;) {
			prepare_to_wait(&p->wait, &w, TASK_INTERRUPTIBLE);
			spin_lock(&p->lock);
			if (!p->readers || PIPE_SIZE - p->len >= want || nonblock)
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
		n = min(min(len - done, (size_t)(PIPE_SIZE - p->len)), sizeof(tmp));
		spin_unlock(&p->lock);
		if (!n)
			return done ? done : -EAGAIN;
		if (!user)
			memcpy(tmp, (const char *)src + done, n);
		else if (copy_from_user(tmp, (const char __user *)src + done, n))
			return done ? done : -EFAULT;
		spin_lock(&p->lock);
		for (size_t i = 0; i < n; i++)
			p->buf[(p->head + p->len + i) % PIPE_SIZE] = tmp[i];
		p->len += n;
		spin_unlock(&p->lock);
		wake_up(&p->wait);
		done += n;
	}
	return done;
}

/* pipe_free - the last end went: the ring and the pipe. */
static void pipe_free(struct pipe_inode_info *p)
{
	free_page((unsigned long)p->buf);
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
		if (p->len < PIPE_SIZE)
			mask |= POLLOUT | POLLWRNORM;
		if (!p->readers)
			mask |= POLLERR;
	}
	spin_unlock(&p->lock);
	return mask;
}

static const struct file_operations pipe_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.poll = pipe_poll,
	.release = pipe_release,
};

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
	p->buf = (char *)__get_free_page(GFP_KERNEL);
	if (!p->buf) {
		kfree(p);
		return NULL;
	}
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
